package io.procmem.miner.api;

import java.util.List;

/**
 * The other running instances of the same miner application, whose stores hold the partitions this one does not.
 * A query that should answer for the whole fleet of patterns asks each of them for its local share.
 */
@FunctionalInterface
public interface Peers {
    /** No other instance: every query answers from the local stores. */
    Peers NONE = List::of;

    /** Base URLs ({@code http://host:port}) of the other instances' query APIs, this instance excluded. */
    List<String> others();
}
