package io.logrouter.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which simple expressions only read data: what the content router's rules and the routes use, and nothing more. */
class DataOnlySimpleTest {

    @ParameterizedTest
    @ValueSource(strings = {"${body}", "${body[log.level]} == 'error'", "${body[log][level]} in 'error,fatal'",
            "${body[http.response.status_code]} >= 500", "${header.tenant} == 'a'", "${headers[X-Tenant]}",
            "${exchangeProperty.CamelSplitIndex}", "${variable.x}", "logs-${date:now:yyyy.MM.dd}",
            "${date:header.time:yyyy-MM-dd'T'HH:mm}", "${properties:logrouter.index.http}", "${exchangeId}",
            "plain text, no function", "${body[kubernetes][namespace]} == 'payments'"})
    void dataFunctionsAreAllowed(String expression) {
        assertEquals(Optional.empty(), DataOnlySimple.refusal(expression, name -> name.startsWith("logrouter.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"${bean:type:java.lang.Runtime?method=getRuntime}", "${type:java.lang.System.out}",
            "${body.getClass()}", "${body.events[0].fields.put('message', 'x')}", "${body[a].toString()}",
            "${camelContext.name}", "${exchange.context}", "${sys:user.home}", "${env:HOME}", "${sysenv.HOME}",
            "${env.HOME}", "${ref:x}", "${header.${body}}", "${header.x.getClass}", "${properties:camel.x}",
            "${properties:logrouter.http.auth.tokens}", "${body[${bean:x}]}", "$simple{bean:x}", "${header.x}++",
            "a ${ body[x] ?: bean:x }", "${bodyAs(String)}", "${messageAs(java.lang.Runtime)}",
            "${random(1,9)}x${null}${ bean:x}"})
    void everythingElseIsRefused(String expression) {
        Optional<String> refusal = DataOnlySimple.refusal(expression,
                name -> name.startsWith("logrouter.") && !name.contains("token"));
        assertTrue(refusal.isPresent(), expression);
    }
}
