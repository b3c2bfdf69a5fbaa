/**
 * A small, strict XML 1.0 reader for tests (no XML parser is a dependency): it throws on anything that
 * is not well-formed for the subset the junit formatter writes (declaration, elements, double-quoted
 * attributes, text, the five entities and numeric references), and returns the element tree with
 * entities resolved so tests can compare against the original strings.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NAME = '[A-Za-z_][\\w.:-]*';
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/.test(raw)) throw new Error(`bad '&' in ${where}: ${raw}`);
  return raw
    // Attribute-value normalization: raw whitespace characters become spaces (references survive).
    .replace(where.startsWith('attribute') ? /[\t\n\r]/g : /\r\n?/g, where.startsWith('attribute') ? ' ' : '\n')
    .replace(/&(#x[0-9A-Fa-f]+|#\d+|\w+);/g, (_m, ref: string) =>
      ref.startsWith('#x') ? String.fromCodePoint(parseInt(ref.slice(2), 16)) : ref.startsWith('#') ? String.fromCodePoint(Number(ref.slice(1))) : entities[ref]!,
    );
}

export function parseXml(xml: string): XmlElement {
  const bad = FORBIDDEN.exec(xml);
  if (bad) throw new Error(`character U+${bad[0].charCodeAt(0).toString(16)} is not allowed in XML 1.0`);
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}="[^"<]*")*)\\s*(/?)>`);
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (text.includes(']]>')) throw new Error("']]>' in text");
    if (stack.length > 0) stack.at(-1)!.text += decode(text, 'text');
    else if (text.trim() !== '') throw new Error(`text outside the root element: ${text}`);
    if (lt === -1) break;
    rest = rest.slice(lt);
    const m = tag.exec(rest);
    if (!m) throw new Error(`malformed tag at: ${rest.slice(0, 60)}`);
    rest = rest.slice(m[0].length);
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (stack.at(-1)?.name !== name) throw new Error(`</${name}> closes <${stack.at(-1)?.name}>`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of attrText!.matchAll(new RegExp(`(${NAME})="([^"<]*)"`, 'g'))) {
      if (a[1]! in attributes) throw new Error(`duplicate attribute ${a[1]}`);
      attributes[a[1]!] = decode(a[2]!, `attribute ${a[1]}`);
    }
    const element: XmlElement = { name: name!, attributes, children: [], text: '' };
    if (stack.length > 0) stack.at(-1)!.children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}
