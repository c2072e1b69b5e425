package io.procmem.miner.api;

import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Peers from Kafka Streams' metadata: every instance of the application advertises its query API as
 * {@code application.server} (see {@code miner.http.advertised.host}), and the group's assignment tells each instance
 * where the others are. While the client has no metadata yet (starting), there are no peers.
 */
public final class StreamsPeers implements Peers {
    private final KafkaStreams streams;
    private final HostInfo self;

    /** @param self what this instance advertises as {@code application.server} */
    public StreamsPeers(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public List<String> others() {
        return streams.metadataForAllStreamsClients().stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self) && !host.equals(HostInfo.unavailable()))
                .distinct()
                .map(host -> "http://" + host.host() + ":" + host.port())
                .sorted()
                .toList();
    }
}
