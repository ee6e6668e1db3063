package io.logrouter.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.logrouter.transforms.normalize.StaticFields;
import org.junit.jupiter.api.Test;

/** Reloading one file's routes in a running Camel context, without servers: the swap, the rejections, the rollback. */
class RouteReloaderTest extends RunningReloader {

    @Test
    void aChangedFileReplacesItsRoutesAndLeavesTheOthersAlone() {
        RouteFile other = answering("other.yaml", "other", "direct:other", "untouched");
        reloader.reconcile(List.of(answering("a.yaml", "a", "direct:a", "v1"), other));
        var otherRoute = context.getRoute("other");

        List<RouteFileStatus> changes = reloader.reconcile(List.of(answering("a.yaml", "a", "direct:a", "v2"), other));

        assertEquals(1, changes.size(), changes.toString());
        assertEquals(RouteFileStatus.Result.LOADED, changes.get(0).lastResult());
        assertEquals("v2", producer.requestBody("direct:a", "", String.class));
        assertTrue(otherRoute == context.getRoute("other"), "the other file's route was not restarted");
    }

    @Test
    void theSameContentIsNotReloaded() {
        RouteFile file = answering("a.yaml", "a", "direct:a", "v1");
        reloader.reconcile(List.of(file));

        assertEquals(List.of(), reloader.reconcile(List.of(RouteFile.of("a.yaml", file.content()))));
    }

    @Test
    void anAddedRouteStartsAndADeletedOneStops() {
        reloader.reconcile(List.of(answering("a.yaml", "a", "direct:a", "v1")));

        reloader.reconcile(List.of(answering("a.yaml", "a", "direct:a", "v1"),
                answering("b.yaml", "b", "direct:b", "b1")));
        assertEquals("b1", producer.requestBody("direct:b", "", String.class));

        List<RouteFileStatus> changes = reloader.reconcile(List.of(answering("b.yaml", "b", "direct:b", "b1")));
        assertEquals(RouteFileStatus.Result.REMOVED, changes.get(0).lastResult());
        assertNull(context.getRoute("a"));
        assertEquals(List.of("b.yaml"), reloader.statuses().stream().map(RouteFileStatus::file).toList());
    }

    @Test
    void aBrokenVersionIsRejectedAndThePreviousOneRunsOn() {
        reloader.reconcile(List.of(answering("a.yaml", "a", "direct:a", "v1")));

        RouteFile broken = RouteFile.of("a.yaml", """
                - route:
                    id: a
                    from:
                      uri: direct:a
                      steps:
                        - to: nosuch:thing
                """);
        RouteFileStatus status = reloader.reconcile(List.of(broken)).get(0);

        assertEquals(RouteFileStatus.Result.REJECTED, status.lastResult());
        assertEquals(broken.version(), status.lastVersion());
        assertEquals(answering("a.yaml", "a", "direct:a", "v1").version(), status.version());
        assertEquals("a.yaml:6: unknown component 'nosuch' in endpoint nosuch:thing",
                status.problems().get(0).toString());
        assertEquals("v1", producer.requestBody("direct:a", "", String.class));
        assertEquals(List.of(), reloader.reconcile(List.of(broken)), "a rejected version is not tried again");

        reloader.reconcile(List.of(answering("a.yaml", "a", "direct:a", "fixed")));
        assertEquals("fixed", producer.requestBody("direct:a", "", String.class));
    }

    @Test
    void aVersionThatFailsToStartIsRemovedAndThePreviousOneStartedAgain() {
        reloader.reconcile(List.of(answering("a.yaml", "a", "direct:a", "v1"),
                answering("taken.yaml", "taken", "direct:taken", "taken")));

        // a second consumer of direct:taken passes every check but cannot start
        RouteFileStatus status = reloader.reconcile(List.of(answering("a.yaml", "a", "direct:taken", "v2"),
                answering("taken.yaml", "taken", "direct:taken", "taken"))).get(0);

        assertEquals(RouteFileStatus.Result.REJECTED, status.lastResult());
        assertEquals("a.yaml:1: Failed to start route: a because: Multiple consumers for the same endpoint is not allowed:"
                + " direct://taken", status.problems().get(0).toString());
        assertEquals("v1", producer.requestBody("direct:a", "", String.class));
        assertEquals("taken", producer.requestBody("direct:taken", "", String.class));
    }

    @Test
    void aRouteIdOfAnotherFileIsRefused() {
        reloader.reconcile(List.of(answering("a.yaml", "a", "direct:a", "v1")));

        RouteFileStatus status = reloader.reconcile(List.of(answering("a.yaml", "a", "direct:a", "v1"),
                answering("b.yaml", "a", "direct:b", "b1"))).get(0);

        assertEquals("b.yaml:1: route id 'a' is already used by a.yaml", status.problems().get(0).toString());
        assertEquals("v1", producer.requestBody("direct:a", "", String.class));
    }

    @Test
    void anExchangeInFlightFinishesOnTheVersionThatTookIt() throws Exception {
        RouteFile slow = RouteFile.of("a.yaml", """
                - route:
                    id: a
                    from:
                      uri: direct:a
                      steps:
                        - delay:
                            constant: 1500
                        - setBody:
                            constant: v1
                """);
        reloader.reconcile(List.of(slow));
        CompletableFuture<Object> inFlight = producer.asyncRequestBody("direct:a", "");
        Thread.sleep(300);

        reloader.reconcile(List.of(answering("a.yaml", "a", "direct:a", "v2")));

        assertEquals("v1", inFlight.get(5, TimeUnit.SECONDS));
        assertEquals("v2", producer.requestBody("direct:a", "", String.class));
    }

    @Test
    void beansAreBoundAgainWithTheNewVersionAndKeptWhenItIsRejected() {
        reloader.reconcile(List.of(withBean("env=one")));
        StaticFields first = context.getRegistry().lookupByNameAndType("aFields", StaticFields.class);

        reloader.reconcile(List.of(withBean("env=two")));
        StaticFields second = context.getRegistry().lookupByNameAndType("aFields", StaticFields.class);
        assertTrue(first != second, "a new instance for the new version");

        RouteFile rejected = RouteFile.of("a.yaml", withBean("env=three").content().replace("direct:a", "nosuch:a"));
        assertEquals(RouteFileStatus.Result.REJECTED, reloader.reconcile(List.of(rejected)).get(0).lastResult());
        assertTrue(second == context.getRegistry().lookupByName("aFields"), "the running version's bean is back");

        reloader.reconcile(List.of());
        assertNull(context.getRegistry().lookupByName("aFields"), "a deleted file's beans are unbound");
    }

    @Test
    void aBeanNameOfAnotherFileIsRefusedBeforeItIsBound() {
        reloader.reconcile(List.of(withBean("env=one")));
        Object bean = context.getRegistry().lookupByName("aFields");

        RouteFile other = RouteFile.of("b.yaml", withBean("env=two").content().replace("id: a", "id: b")
                .replace("direct:a", "direct:b"));
        RouteFileStatus status = reloader.reconcile(List.of(withBean("env=one"), other)).get(0);

        assertEquals("b.yaml:2: bean aFields is already declared in another routes file",
                status.problems().get(0).toString());
        assertTrue(bean == context.getRegistry().lookupByName("aFields"));
    }

    private static RouteFile withBean(String fields) {
        return RouteFile.of("a.yaml", """
                - beans:
                    - name: aFields
                      type: io.logrouter.transforms.normalize.StaticFields
                      properties:
                        fields: "%s"
                - route:
                    id: a
                    from:
                      uri: direct:a
                      steps:
                        - to: log:a
                """.formatted(fields));
    }

    /** A file with one route that answers {@code answer}. */
    static RouteFile answering(String name, String routeId, String from, String answer) {
        return RouteFile.of(name, """
                - route:
                    id: %s
                    from:
                      uri: %s
                      steps:
                        - setBody:
                            constant: %s
                """.formatted(routeId, from, answer));
    }
}
