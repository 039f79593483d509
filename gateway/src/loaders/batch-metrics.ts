import { dataLoaderBatchSize } from '@shop/metrics';

/** Wraps a loader's batch read so that each call's size goes to dataloader_batch_size{loader}. */
export function measuredBatch<A, R>(loader: string, sizeOf: (argument: A) => number, read: (argument: A) => Promise<R>): (argument: A) => Promise<R> {
  return (argument) => {
    dataLoaderBatchSize.observe({ loader }, sizeOf(argument));
    return read(argument);
  };
}

/** The size of a batch read by ids. */
export const idCount = (ids: readonly string[]) => ids.length;
