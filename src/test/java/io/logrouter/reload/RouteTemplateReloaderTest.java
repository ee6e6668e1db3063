package io.logrouter.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.model.Model;
import org.junit.jupiter.api.Test;

/** Route templates and templated routes in reloaded files: owned by their file, checked as the routes they make. */
class RouteTemplateReloaderTest extends RunningReloader {

    private static final String ANSWER = "setBody: {constant: \"{{answer}}\"}";
    private static final String ANSWER_AGAIN = "setBody: {constant: \"{{answer}} again\"}";

    @Test
    void aChangedTemplateRecreatesTheFilesTemplatedRoutesAndADeletedFileTakesThemAway() {
        RouteFileStatus loaded = reloader.reconcile(List.of(templates(ANSWER))).get(0);
        assertEquals(RouteFileStatus.Result.LOADED, loaded.lastResult(), loaded.toString());
        assertEquals(List.of("t1"), loaded.routes());
        assertEquals("v1", request("direct:t1"));

        reloader.reconcile(List.of(templates(ANSWER_AGAIN)));
        assertEquals("v1 again", request("direct:t1"));
        assertEquals(1, model().getRouteTemplateDefinitions().size(), "the previous template is gone");

        reloader.reconcile(List.of());
        assertNull(context.getRoute("t1"));
        assertNull(model().getRouteTemplateDefinition("answer"));
    }

    @Test
    void aTemplateCanBeInstantiatedFromCodeLikeTheKafkaTemplate() {
        reloader.reconcile(List.of(templates(ANSWER)));

        TemplatedRouteBuilder.builder(context, "answer").routeId("from-code").parameter("from", "direct:code")
                .parameter("answer", "coded").add();

        assertEquals("coded", request("direct:code"));
    }

    @Test
    void aTemplatedRouteOfAnotherFileKeepsItsDefinitionUntilItsOwnFileChanges() {
        RouteFile user = user("u1", "direct:u1", "used");
        reloader.reconcile(List.of(templates(ANSWER), user));
        assertEquals("used", request("direct:u1"));
        assertEquals(List.of("u1"), status("user.yaml").routes(), "the route is the instantiating file's");

        reloader.reconcile(List.of(templates(ANSWER_AGAIN), user));
        assertEquals("used", request("direct:u1"), "not re-created with the template's file");
        assertEquals("v1 again", request("direct:t1"));

        reloader.reconcile(List.of(templates(ANSWER_AGAIN), user("u1", "direct:u1", "changed")));
        assertEquals("changed again", request("direct:u1"));

        reloader.reconcile(List.of(user("u1", "direct:u1", "changed")));
        assertEquals("changed again", request("direct:u1"), "runs on without the template's file");
        RouteFileStatus rejected = reloader.reconcile(List.of(user("u1", "direct:u1", "third"))).get(0);
        assertEquals("user.yaml:1: templated route 'u1': no route template 'answer' is loaded",
                rejected.problems().get(0).toString());
        assertEquals("changed again", request("direct:u1"));
    }

    @Test
    void aTemplateFileLoadsBeforeTheFilesUsingItWhateverTheirNames() {
        RouteFile user = RouteFile.of("a-user.yaml", user("u1", "direct:u1", "used").content());

        reloader.reconcile(List.of(user, templates(ANSWER)));

        assertEquals("used", request("direct:u1"));
    }

    @Test
    void aTemplateWithAnUnknownComponentIsRejectedAtItsLineAndThePreviousVersionRunsOn() {
        reloader.reconcile(List.of(templates(ANSWER)));

        RouteFile broken = templates("to: \"nosuch:{{answer}}\"");
        RouteFileStatus status = reloader.reconcile(List.of(broken)).get(0);

        assertEquals(RouteFileStatus.Result.REJECTED, status.lastResult());
        assertEquals(List.of("templates.yaml:10: templated route 't1' (templates.yaml:11): unknown component 'nosuch'"
                + " in endpoint nosuch:{{answer}}"), status.problems().stream().map(RouteProblem::toString).toList());
        assertEquals("v1", request("direct:t1"));
        assertNotNull(model().getRouteTemplateDefinition("answer"), "the running version's template is kept");
    }

    @Test
    void aTemplatedRouteMissingAParameterIsRejectedAtItsLine() {
        reloader.reconcile(List.of(templates(ANSWER)));

        RouteFile missing = RouteFile.of("templates.yaml", templates(ANSWER).content()
                .replace("      - name: answer\n        value: v1\n", ""));
        RouteFileStatus status = reloader.reconcile(List.of(missing)).get(0);

        assertEquals("templates.yaml:11: templated route 't1': route template 'answer' needs parameter(s) [answer]",
                status.problems().get(0).toString());
        assertEquals("v1", request("direct:t1"));
    }

    @Test
    void aTemplatedRouteThatFailsToStartIsRemovedAndThePreviousOneStartedAgain() {
        reloader.reconcile(List.of(templates(ANSWER), user("u1", "direct:u1", "used")));

        // a second consumer of direct:t1 passes every check but cannot start
        RouteFileStatus status = reloader.reconcile(List.of(templates(ANSWER),
                user("u1", "direct:t1", "clash"))).get(0);

        assertEquals(RouteFileStatus.Result.REJECTED, status.lastResult());
        assertTrue(status.problems().get(0).message().contains("Multiple consumers"), status.toString());
        assertEquals("used", request("direct:u1"));
        assertEquals("v1", request("direct:t1"));
    }

    @Test
    void aTemplateIdOfAnotherFileIsRefused() {
        reloader.reconcile(List.of(templates(ANSWER)));

        RouteFile twin = RouteFile.of("twin.yaml", templates(ANSWER).content().replace("t1", "t2"));
        RouteFileStatus status = reloader.reconcile(List.of(templates(ANSWER), twin)).get(0);

        assertEquals("twin.yaml:1: route template 'answer' is already declared in templates.yaml",
                status.problems().get(0).toString());
        assertEquals("v1", request("direct:t1"));
    }

    private String request(String uri) {
        return producer.requestBody(uri, "", String.class);
    }

    private RouteFileStatus status(String file) {
        return reloader.statuses().stream().filter(status -> status.file().equals(file)).findFirst().orElseThrow();
    }

    private Model model() {
        return context.getCamelContextExtension().getContextPlugin(Model.class);
    }

    /** A template whose route ends with {@code step}, and one route made from it, t1, with answer v1. */
    private static RouteFile templates(String step) {
        return RouteFile.of("templates.yaml", """
                - routeTemplate:
                    id: answer
                    parameters:
                      - name: from
                      - name: answer
                    route:
                      from:
                        uri: "{{from}}"
                        steps:
                          - %s
                - templatedRoute:
                    routeTemplateRef: answer
                    routeId: t1
                    parameters:
                      - name: from
                        value: direct:t1
                      - name: answer
                        value: v1
                """.formatted(step));
    }

    private static RouteFile user(String routeId, String from, String answer) {
        return RouteFile.of("user.yaml", """
                - templatedRoute:
                    routeTemplateRef: answer
                    routeId: %s
                    parameters:
                      - name: from
                        value: %s
                      - name: answer
                        value: %s
                """.formatted(routeId, from, answer));
    }
}
