package io.logrouter.transforms.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.Samples;
import io.logrouter.transforms.parse.JsonParser;
import io.logrouter.transforms.parse.LogfmtParser;
import org.junit.jupiter.api.Test;

/** FieldRenamer, StaticFields, FieldRemover and NumericCoercer: the small edits routes make after parsing. */
class FieldEditingTest {

    private static LogEvent checkoutJson() {
        LogEvent event = Samples.event(Samples.criTexts("checkout-").get(0));
        new JsonParser().apply(event);
        return event;
    }

    @Test
    void renamerMovesFieldsOntoEcsInOrder() {
        FieldRenamer renamer = new FieldRenamer();
        renamer.setRenames("logger=log.logger, log.logger = log.origin.logger\nabsent=never");
        LogEvent event = checkoutJson();

        renamer.apply(event);

        assertNull(event.get("logger"));
        assertEquals("com.shop.checkout.Api", event.text("log.origin.logger"));
        assertNull(event.get("never"));
        assertEquals("logger=log.logger,log.logger=log.origin.logger,absent=never", renamer.getRenames());
    }

    @Test
    void renamerReadsLiteralDottedKeysAsFilebeatSendsThem() {
        FieldRenamer renamer = new FieldRenamer();
        renamer.setRenames("kubernetes.pod.name=k8s.pod");
        LogEvent event = Samples.event("x");
        event.fields().put("kubernetes.pod.name", "checkout-1");

        renamer.apply(event);

        assertEquals("checkout-1", event.text("k8s.pod"));
        assertNull(event.fields().get("kubernetes.pod.name"));
    }

    @Test
    void mapOptionsRejectEntriesWithoutEquals() {
        assertThrows(IllegalArgumentException.class, () -> new StaticFields().setFields("service.name"));
    }

    @Test
    void staticFieldsOverwriteOrOnlyFill() {
        StaticFields always = new StaticFields();
        always.setFields("service.name=checkout, event.dataset=shop.checkout");
        StaticFields fill = new StaticFields();
        fill.setFields("service.name=default\ncloud.region=eu-west-1");
        fill.setOverwrite(false);
        LogEvent overwritten = Samples.event("x");
        overwritten.put("service.name", "from-app");
        LogEvent filled = Samples.event("x");
        filled.put("service.name", "from-app");

        always.apply(overwritten);
        fill.apply(filled);

        assertEquals("checkout", overwritten.text("service.name"));
        assertEquals("shop.checkout", overwritten.text("event.dataset"));
        assertEquals("from-app", filled.text("service.name"));
        assertEquals("eu-west-1", filled.text("cloud.region"));
    }

    @Test
    void removerDropsFieldsAndWholeObjects() {
        FieldRemover remover = new FieldRemover();
        remover.setFields("agent, ecs.version, missing.path");
        LogEvent event = Samples.event(Samples.lines("filebeat-bulk").get(1));
        new JsonParser().apply(event);

        remover.apply(event);

        assertNull(event.get("agent"));
        assertNull(event.get("ecs.version"));
        assertTrue(event.get("ecs").isEmpty());
        assertEquals("node-1", event.text("host.name"));
    }

    @Test
    void coercerTypesLogfmtNumbersAndLeavesTheRest() {
        LogEvent event = Samples.event(Samples.lines("logfmt").get(0) + " big=123456789012345678901 neg=-5 "
                + "exp=1.5e3 ver=1.2.3 blank=");
        new LogfmtParser().apply(event);
        NumericCoercer coercer = new NumericCoercer();
        coercer.setFields("user_id, duration_ms, service, big, neg, exp, ver, blank, missing");

        coercer.apply(event);

        assertTrue(event.get("user_id").isLong());
        assertEquals(42L, event.get("user_id").longValue());
        assertTrue(event.get("duration_ms").isDouble());
        assertEquals(3.2, event.get("duration_ms").doubleValue());
        assertEquals(-5L, event.get("neg").longValue());
        assertEquals(1500.0, event.get("exp").doubleValue());
        assertEquals("auth", event.text("service"));
        assertEquals("123456789012345678901", event.get("big").textValue());
        assertEquals("1.2.3", event.get("ver").textValue());
        assertEquals("", event.get("blank").textValue());
    }

    @Test
    void editsRunThroughProcessOnEveryEventOfTheBatch() {
        StaticFields statics = new StaticFields();
        statics.setFields("event.dataset=web");

        EventBatch out = Samples.process(statics, Samples.event("a"), Samples.event("b"));

        assertEquals(2, out.size());
        out.forEach(event -> assertEquals("web", event.text("event.dataset")));
    }
}
