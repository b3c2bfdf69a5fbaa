// Generator for the kubernetes validators (placeholder: writes nothing yet).
/** @param {{ root: string, out: string }} _args */
export async function build(_args) {}
