package io.procmem.miner.review;

/** One review a candidate must pass to compile. Implementations are stateless. */
interface Check {
    ReviewResult review(Evidence evidence);
}
