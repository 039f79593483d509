import fc from 'fast-check';
import type { FuzzRef, FuzzValue, RefKind, RefTwist } from './fuzz-value.js';

// Boundary and hostile values by what they pretend to be. Each pool mixes plausible values (so the happy paths
// run too) with the edges of the rules and values of the wrong kind.

const weighted = <T>(...entries: [number, fc.Arbitrary<T>][]): fc.Arbitrary<T> => fc.oneof(...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));

/** A reference to a real record or cursor of the shop, perhaps twisted. */
export function ref(kinds: RefKind[], twists: RefTwist[] = ['none']): fc.Arbitrary<FuzzRef> {
  return fc.record({ $ref: fc.constantFrom(...kinds), index: fc.nat({ max: 7 }), twist: fc.constantFrom(...twists) });
}

const ID_TWISTS: RefTwist[] = ['none', 'none', 'none', 'upper', 'braces', 'spaces', 'truncate', 'append', 'flip'];
const CURSOR_TWISTS: RefTwist[] = ['none', 'none', 'upper', 'truncate', 'append', 'flip', 'skip', 'bump-year'];

/** Lone UTF-16 halves, which JSON can carry (`"\udc00"`) but no UTF-8 text can. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Strings chosen to break text handling: lengths at the limits, invisible and reordering characters, NULs, injections. */
export const trickyStrings: readonly string[] = [
  '', ' ', '  \t ', 'a', 'Zephyr kettle', 'x'.repeat(200), 'x'.repeat(201), 'x'.repeat(5_000), 'x'.repeat(5_001), 'é'.repeat(3_000),
  '😀', '👨‍👩‍👧‍👦 family', 'e\u0301', 'abc\u202Edef', '\u2067x\u2069', '\u200B\u200B', '\u200D', '\uFEFFname', '\u3164', '\u2800', '\uE000', '\uFFFF',
  '\uD800', 'name\uDC00', '\uDBFF\uDFFF', 'a\u0000b', '\u0000', '\u0007bell', '\u001B[31mred', 'line\nbreak', '\r\n', '\t', 'x\u2028y', '\u0085',
  "' OR '1'='1", "Robert'); DROP TABLE accounts;--", '%s%n%x', '${jndi:ldap://x}', '<script>alert(1)</script>', '../../etc/passwd', '\\', '"', "'",
  'null', 'undefined', 'NaN', '-0', '1e308', '__proto__', 'constructor', '{"a":1}', '[]', '𝕳𝖊𝖑𝖑𝖔', 'مرحبا بالعالم', '日本語のテキスト', 'ǅ', 'ﬃ',
];

/** Any text: the tricky list, random code points (lone surrogates included), and long runs. */
export const hostileString: fc.Arbitrary<string> = weighted(
  [6, fc.constantFrom(...trickyStrings)],
  [2, fc.string({ unit: 'binary', maxLength: 40 })],
  [1, fc.string({ unit: 'grapheme', maxLength: 40 })],
  [1, fc.string({ unit: fc.oneof(loneSurrogate, fc.constantFrom('\u0000', '\u202E', '\u200B', 'a', ' ')), maxLength: 12 })],
  [1, fc.tuple(fc.constantFrom('a', '😀', '\u0000', ' '), fc.integer({ min: 1_000, max: 120_000 })).map(([unit, count]) => unit.repeat(count))],
);

/** A name-like text: mostly plausible, often hostile. */
export const nameString: fc.Arbitrary<string> = weighted([2, fc.constantFrom('Ada', 'Kettle', 'Zephyr teapot', 'Ünïcödé name')], [3, hostileString]);

/** Emails, well-formed (fresh, so they may create accounts) and not. */
export const emailString: fc.Arbitrary<string> = weighted(
  [3, fc.uuid().map((uuid) => `fuzz-${uuid.slice(0, 13)}@example.com`)],
  [1, fc.uuid().map((uuid) => `FUZZ-${uuid.slice(0, 8).toUpperCase()}@EXAMPLE.COM`)],
  [3, fc.constantFrom('a@b', '@b.com', 'a@', 'a b@c.com', ' a@b.com ', 'a\u0000@x.com', `${'x'.repeat(300)}@x.com`, 'ü@例え.jp', '"quoted"@x.com', 'a@[127.0.0.1]', 'a+tag@example.com', 'admin@shop.test\u0000', 'a@b.c\u202E', '')],
  [2, hostileString],
);

/** Passwords: at the 8 and 128 character limits, invisible, and random. */
export const passwordString: fc.Arbitrary<string> = weighted(
  [3, fc.constantFrom('short', 'password-123', 'x'.repeat(128), 'x'.repeat(129), ' '.repeat(8), '\u0000'.repeat(8), '😀'.repeat(8), '😀'.repeat(65), 'pass\uD800word')],
  [2, hostileString],
);

/** Integers and numbers at every edge: page and stock limits, int32, 2^53, floats, -0 and numbers JSON cannot hold. */
export const hostileNumber: fc.Arbitrary<FuzzValue> = weighted<FuzzValue>(
  [6, fc.constantFrom(0, 1, -1, 2, 20, 50, 99, 100, 101, 1_000, 1_001, 1_000_000, 1_000_001, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53 - 1, 1e308, -1e308, 1.5, 0.1, 5e-324)],
  [2, fc.constantFrom('-0', '1e400', '-1e400', '9007199254740993', '123456789012345678901234567890', '1E2', '-0.0', '1.0', '4294967296').map(($raw) => ({ $raw }))],
  [2, fc.integer()],
  [1, fc.double({ noNaN: true, noDefaultInfinity: true })],
);

/** 32-bit integers at the edges of every limit: what passes GraphQL's Int and protobuf's int32, for the services to judge. */
export const int32Value: fc.Arbitrary<number> = weighted(
  [4, fc.constantFrom(0, 1, -1, 2, 20, 50, 99, 100, 101, 1_000, 1_001, 1_000_000, 1_000_001, 2 ** 31 - 1, -(2 ** 31))],
  [1, fc.integer()],
);

/** A number somewhere a number belongs, or something else in its place. */
export const intValue: fc.Arbitrary<FuzzValue> = weighted([6, hostileNumber], [1, fc.constantFrom<FuzzValue>('1', 'NaN', 'Infinity', '0x10', '', true, null, [1], { $name: 'NaN' })]);

/** Decimal amounts as text: valid prices, too many digits, exponents, signs, other digit systems, thousands of digits. */
export const decimalString: fc.Arbitrary<string> = weighted(
  [4, fc.constantFrom('9.99', '0.01', '0.1', '1', '1000000.00', '1000000', '1000000.01', '0', '0.00', '-1.00', '1.999', '0.005', '500')],
  [4, fc.constantFrom('1e3', '1E-2', ' 1.00', '1.00 ', '+1.00', '.5', '5.', '1,00', '١٢', '９.９９', '0x10', 'NaN', 'Infinity', '', ' ', '1.0.0', '1_000', '00000000000000000000000001.00', '1\u0000', '1.00\n')],
  [2, fc.constantFrom('9'.repeat(32), '9'.repeat(33), `0.${'0'.repeat(40)}1`, `${'9'.repeat(31)}.9`, '9'.repeat(900), '9'.repeat(200_000))],
  [2, fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 40n }), fc.nat({ max: 6 })).map(([units, digits]) => { const text = units.toString().padStart(digits + 1, '0'); return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`; })],
);

/** A decimal amount, or a number in its place. */
export const decimalValue: fc.Arbitrary<FuzzValue> = weighted<FuzzValue>([8, decimalString], [1, hostileNumber]);

/** ISO 4217 codes, known and unknown, in odd cases and lengths (CLF has 4 minor digits, XAU none at all). */
export const currencyValue: fc.Arbitrary<FuzzValue> = weighted(
  [4, fc.constantFrom('USD', 'EUR', 'JPY')],
  [3, fc.constantFrom('usd', 'Usd', 'XXX', 'XAU', 'XDR', 'CLF', 'KWD', 'BHD', 'US', 'USDD', '', 'BTC', '€', 'U\u0000D', 'ＵＳＤ')],
  [1, hostileString],
);

/** Ids as text: real ones (twisted: upper case, braces, spaces, cut, modified), fresh UUIDs of every version, and junk. */
export function idString(kinds: RefKind[]): fc.Arbitrary<FuzzValue> {
  return weighted<FuzzValue>(
    [5, ref(kinds, ID_TWISTS)],
    [2, fc.uuid({ version: 7 })],
    [1, fc.uuid({ version: [1, 4, 8] })],
    [2, fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'FFFFFFFF-FFFF-7FFF-BFFF-FFFFFFFFFFFF', 'not-a-uuid', '', '123', 'urn:uuid:0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f', '0190f0e85d6a7c3b8d4e1a2b3c4d5e6f', '0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6g', '٠١٩٠f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f', 'x'.repeat(1_000))],
    [1, hostileString],
  );
}

/** An id, or a number or boolean in its place (GraphQL's ID takes integers too). */
export function idValue(kinds: RefKind[]): fc.Arbitrary<FuzzValue> {
  return weighted<FuzzValue>([10, idString(kinds)], [1, fc.constantFrom<FuzzValue>(12345, 2 ** 53, -1, 1.5, true)]);
}

/** Every id kind, for an argument that could name any record. */
export const ANY_ID_KINDS: RefKind[] = ['customerId', 'otherCustomerId', 'productId', 'deletedProductId', 'customerOrderId', 'otherOrderId'];

/** Service page tokens as a forger would write them: the right shape (base64url JSON of strings) with bad values. */
export const forgedPageToken: fc.Arbitrary<string> = fc
  .oneof(
    fc.array(fc.constantFrom('0001-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '2026-01-02T03:04:05.678Z', '0190f0e8-5d6a-7c3b-8d4e-1a2b3c4d5e6f', 'NaN', '1e999', '1e-50', '-1', '0', '6.07927e-05', "x' OR 1=1", 'x'.repeat(300), '\u0000'), { minLength: 1, maxLength: 4 }).map((parts) => JSON.stringify(parts)),
    fc.constantFrom('{}', '[1,2]', '[null,null]', '"text"', '12', '[[]]', '['.repeat(300) + ']'.repeat(300)),
  )
  .map((json) => Buffer.from(json, 'utf8').toString('base64url'));

/** Gateway cursors: real ones of every list (so often of the wrong list), twisted, and forgeries that look right. */
export const cursorValue: fc.Arbitrary<FuzzValue> = weighted<FuzzValue>(
  [6, ref(['accountsCursor', 'productsCursor', 'searchCursor', 'customerOrdersCursor', 'otherOrdersCursor'], CURSOR_TWISTS)],
  [2, fc.constantFrom('', 'garbage', '.0.', 'a.0.AAAAAAAAAAAAAAAAAAAAAA', `${'A'.repeat(600)}.0.AAAAAAAAAAAAAAAAAAAAAA`, '.999.AAAAAAAAAAAAAAAAAAAAAA', '.-1.AAAAAAAAAAAAAAAAAAAAAA', 'WyIxOTcwIl0.0.AAAAAAAAAAAAAAAAAAAAAA')],
  [2, forgedPageToken.map((token) => `${token}.0.${'A'.repeat(22)}`)],
  [1, hostileString],
);

/** What goes where a service page token goes over gRPC: real tokens (twisted), forgeries, and junk. */
export const pageTokenValue: fc.Arbitrary<FuzzValue> = weighted<FuzzValue>(
  [3, ref(['accountsPageToken', 'productsPageToken', 'searchPageToken', 'ordersPageToken'], CURSOR_TWISTS)],
  [4, forgedPageToken],
  [1, fc.constantFrom('', '!!!', '====', 'x'.repeat(600))],
  [1, hostileString],
);

/** Search texts: words, tsquery and Elasticsearch syntax, and hostile text. */
export const searchValue: fc.Arbitrary<FuzzValue> = weighted<FuzzValue>(
  [3, fc.constantFrom('zephyr', 'kettle', 'Zephyr Kettle', 'zeph', 'kettle & tea', 'a:*', ':*', '|', '&', '!', '!!', '(', ')', '<->', "'", '"unterminated', '*', '?', 'OR AND NOT', 'x'.repeat(10_000), '\\', 'café', '日本')],
  [2, hostileString],
);

/** Idempotency keys at the 1..100 limits, repeated (so a second use meets the first), and hostile. */
export const idempotencyKeyValue: fc.Arbitrary<FuzzValue> = weighted<FuzzValue>(
  [3, fc.constantFrom('key-1', 'key-2', 'k', 'x'.repeat(100), 'x'.repeat(101), '')],
  [2, fc.uuid()],
  [2, hostileString],
);

/** Role names: valid, in the wrong case, and made up; as enum literals or strings. */
export const roleValue: fc.Arbitrary<FuzzValue> = weighted<FuzzValue>(
  [3, fc.constantFrom('CUSTOMER', 'ADMIN').map(($name) => ({ $name }))],
  [2, fc.constantFrom('admin', 'ROLE_UNSPECIFIED', 'SUPERUSER', '', 'ADMIN ', 'true').map(($name) => ($name.trim() === $name && /^[_A-Za-z][_0-9A-Za-z]*$/.test($name) ? { $name } : $name))],
  [1, fc.constantFrom<FuzzValue>('ADMIN', 'CUSTOMER', 2, 0, null)],
);

/** Anything of any kind, for an argument given the wrong type on purpose. */
export const anyValue: fc.Arbitrary<FuzzValue> = fc.letrec<{ any: FuzzValue }>((tie) => ({
  any: weighted<FuzzValue>(
    [4, hostileString],
    [3, hostileNumber],
    [1, fc.constantFrom<FuzzValue>(null, true, false, { $name: 'NaN' }, { $name: 'ADMIN' }, { $name: 'null_' })],
    [1, fc.array(tie('any'), { maxLength: 4 })],
    [1, fc.dictionary(fc.constantFrom('id', 'name', 'amount', 'items', 'x', '__proto__', 'constructor'), tie('any'), { maxKeys: 3 })],
    [1, fc.integer({ min: 2, max: 3_000 }).map(($deep) => ({ $deep }))],
  ),
})).any;
