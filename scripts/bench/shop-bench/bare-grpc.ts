// The baseline of the catalog rows of `pnpm bench`, in a process of its own: startCatalogEcho for argv's catalog
// address and product. Prints its port, then serves until it is sent SIGTERM.
import { startCatalogEcho } from '../catalog-grpc-baseline.js';

const [catalogAddress = '', productId = ''] = process.argv.slice(2);
const echo = await startCatalogEcho(catalogAddress, productId);
process.stdout.write(`${echo.port}\n`);
process.once('SIGTERM', () => {
  echo.stop();
  process.exit(0);
});
