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
