package io.procmem.registry.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Path patterns to actions: {@code "subjects/*\/versions"}, where {@code *} is one path segment. An unknown path
 * answers 404 and a known path with another method 405, both with Confluent's error body.
 */
final class Routes {
    private record Route(String method, List<String> pattern, Function<HttpCall, Reply> action) {
        boolean matchesPath(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return false;
            }
            for (int i = 0; i < pattern.size(); i++) {
                if (!pattern.get(i).equals("*") && !pattern.get(i).equals(segments.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    Routes add(String method, String pattern, Function<HttpCall, Reply> action) {
        List<String> segments = pattern.isEmpty() ? List.of() : Arrays.asList(pattern.split("/"));
        routes.add(new Route(method, segments, action));
        return this;
    }

    Reply dispatch(HttpCall call) {
        List<Route> samePath = routes.stream().filter(route -> route.matchesPath(call.segments())).toList();
        if (samePath.isEmpty()) {
            return Reply.error(404, 404, "HTTP 404 Not Found: no endpoint " + call.method() + " /"
                    + String.join("/", call.segments()));
        }
        return samePath.stream().filter(route -> route.method().equals(call.method())).findFirst()
                .map(route -> route.action().apply(call))
                .orElseGet(() -> Reply.error(405, 405, "HTTP 405 Method Not Allowed: /" + String.join("/", call.segments())
                        + " accepts " + samePath.stream().map(Route::method).toList()));
    }
}
