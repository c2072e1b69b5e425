package io.procmem.miner.review;

/**
 * One review a candidate must pass to compile. Implementations keep nothing of one candidate for another, save
 * {@link ValidationReview}'s memo of replays (a pure function's results).
 */
interface Check {
    ReviewResult review(Evidence evidence);
}
