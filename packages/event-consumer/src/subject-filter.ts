/**
 * True when `subject` matches the NATS subject `filter` ("*" is one token, a final ">" one or more). Used to
 * skip messages the server could not filter out: nats-server before 2.10 takes one filter subject per consumer.
 */
export function subjectMatches(filter: string, subject: string): boolean {
  const filterTokens = filter.split('.');
  const subjectTokens = subject.split('.');
  for (const [index, token] of filterTokens.entries()) {
    if (token === '>') return index === filterTokens.length - 1 && subjectTokens.length > index;
    const subjectToken = subjectTokens[index];
    if (subjectToken === undefined || (token !== '*' && token !== subjectToken)) return false;
  }
  return filterTokens.length === subjectTokens.length;
}

/**
 * The subjects an event filter (shop.order.order.> or shop.order.order.created) takes on the stream, where events
 * carry their partition last: in `partition` (shop.order.order.*.3, shop.order.order.created.3), or in any of
 * them with '*'. Throws for a filter that cannot name published subjects (more than four tokens, a > not last).
 */
export function partitionFilter(filter: string, partition: number | '*'): string {
  const tokens = filter.split('.');
  if (tokens.at(-1) === '>') tokens.splice(-1, 1, ...Array<string>(Math.max(1, 5 - tokens.length)).fill('*'));
  if (tokens.length !== 4 || tokens.includes('>')) throw new Error(`filter subject ${filter} cannot name one partition of shop.<service>.<aggregate>.<event>.<partition>`);
  return `${tokens.join('.')}.${partition}`;
}
