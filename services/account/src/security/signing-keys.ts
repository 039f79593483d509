import { generateSigningKeyText, readPublicKey, readSigningKey, type Jwks, type SigningKey } from '@shop/identity';
import type { Logger } from '@shop/logger';
import { readSecretFile } from '@shop/config';

/** Where the signing key comes from, as the config read it. */
export interface SigningKeySettings {
  /** The key itself (JWT_PRIVATE_KEY): a PKCS#8 PEM block or a private JWK in JSON. */
  privateKey?: string | undefined;
  /** A file holding it (JWT_PRIVATE_KEY_FILE). */
  privateKeyFile?: string | undefined;
  /** Whether a missing file may be made with a new key (CREATE_MISSING_SECRET_FILES). */
  createMissingFile: boolean;
  /** The key used before a rotation (JWT_PREVIOUS_PUBLIC_KEY): tokens it signed keep working until they expire. */
  previousPublicKey?: string | undefined;
}

/** The key the account service signs with, and the public keys every process checks tokens against. */
export interface SigningKeys {
  current: SigningKey;
  jwks: Jwks;
}

/**
 * Loads the signing key: from JWT_PRIVATE_KEY, else from the key file, which (when allowed) is made on first start
 * with a new Ed25519 key, readable by its owner only, so tokens survive a restart of `pnpm start`.
 */
export async function loadSigningKeys(settings: SigningKeySettings, logger: Logger): Promise<SigningKeys> {
  const current = await readSigningKey(privateKeyText(settings, logger));
  const keys = [current.publicJwk];
  if (settings.previousPublicKey) {
    const previous = await readPublicKey(settings.previousPublicKey);
    if (previous.kid !== current.kid) keys.push(previous);
  }
  logger.info({ kids: keys.map((key) => key.kid) }, 'access tokens: signing with the first key, accepting these');
  return { current, jwks: { keys } };
}

function privateKeyText(settings: SigningKeySettings, logger: Logger): string {
  if (settings.privateKey) return settings.privateKey;
  if (!settings.privateKeyFile) throw new Error('no signing key: set JWT_PRIVATE_KEY or JWT_PRIVATE_KEY_FILE');
  return readSecretFile(settings.privateKeyFile, settings.createMissingFile, (file) => {
    logger.info({ file }, 'made a new signing key for access tokens (kept for the next start)');
    return generateSigningKeyText();
  });
}
