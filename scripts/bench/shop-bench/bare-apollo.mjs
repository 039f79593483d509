// The baseline of the GraphQL rows of `pnpm bench`: a bare Apollo Server answering `{ ping }` with a constant, in a
// process of its own as the gateway is. Prints its port, then serves until it is sent SIGTERM.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const server = new ApolloServer({ typeDefs: 'type Query { ping: String! }', resolvers: { Query: { ping: () => 'pong' } } });
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
process.stdout.write(`${new URL(url).port}\n`);
process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
