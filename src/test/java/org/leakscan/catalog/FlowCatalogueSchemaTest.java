package org.leakscan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leakscan.testing.JsonSchemaAssert;

/** The committed sink and model catalogues validate against their schemas, and the schemas are strict. */
class FlowCatalogueSchemaTest {

    private static final Path SIGNATURES = JsonSchemaAssert.projectDir().resolve("signatures");
    private static final Path SINKS_SCHEMA = SIGNATURES.resolve("schema/sinks.schema.json");
    private static final Path MODELS_SCHEMA = SIGNATURES.resolve("schema/models.schema.json");

    @Test
    void sinksFileIsValid() throws IOException {
        JsonSchemaAssert.assertValid(SINKS_SCHEMA, SIGNATURES.resolve(SinkCatalog.FILE_NAME));
    }

    @Test
    void modelsFileIsValid() throws IOException {
        JsonSchemaAssert.assertValid(MODELS_SCHEMA, SIGNATURES.resolve(ModelCatalog.FILE_NAME));
    }

    private static Set<String> sinkViolations(String sink) throws IOException {
        return JsonSchemaAssert.violations(SINKS_SCHEMA, "{\"schema\":\"leakscan-sinks/1\",\"sinks\":[" + sink + "]}");
    }

    private static final String SMS = "\"api\":\"La/B;->send(Ljava/lang/String;[B)V\",\"kind\":\"sms\",\"channel\":\"sms.text\","
            + "\"destinationArgs\":[1],\"sends\":true,\"apiNotes\":\"n\"";

    @Test
    void sinkSchemaAcceptsEveryShape() throws IOException {
        assertEquals(Set.of(), sinkViolations("{" + SMS + ",\"dataArgs\":[2,0]}"));
        assertEquals(Set.of(), sinkViolations("{" + SMS + ",\"dataArgs\":[2],\"static\":true,\"verified\":false}"));
        assertEquals(Set.of(), sinkViolations("""
                {"api":"La/S;-><init>(Ljava/io/File;)V","kind":"file","channel":"file","dataArgs":[],"destinationArgs":[1],
                 "sends":false,"opens":"receiver","apiNotes":"n"}"""));
        assertEquals(Set.of(), sinkViolations("""
                {"api":"La/S;->write([B)V","kind":"stream","channel":"stream.write","dataArgs":[1],"destinationArgs":[0],
                 "sends":true,"streamWrite":true,"apiNotes":"n"}"""));
    }

    @Test
    void sinkSchemaRejectsBadEntries() throws IOException {
        String[] bad = {
            "{" + SMS + "}",                                                       // no dataArgs
            "{" + SMS + ",\"dataArgs\":[2,2]}",                                    // duplicate argument
            "{" + SMS + ",\"dataArgs\":[-1]}",                                     // negative argument
            "{" + SMS + ",\"dataArgs\":[\"arg2\"]}",                               // arguments are numbers here
            "{" + SMS + ",\"dataArgs\":[0],\"static\":true}",                      // receiver of a static method
            "{" + SMS + ",\"dataArgs\":[2],\"static\":false}",                     // only true is written
            "{" + SMS + ",\"dataArgs\":[2],\"verified\":true}",                    // only false is written
            "{" + SMS + ",\"dataArgs\":[2],\"note\":\"x\"}",                       // unknown key (apiNotes is the key)
            "{" + SMS.replace("sms.text", "network.http") + ",\"dataArgs\":[2]}",  // channel of another kind
            "{" + SMS.replace("\"sms\"", "\"email\"") + ",\"dataArgs\":[2]}",      // unknown kind
            "{" + SMS.replace("La/B;->send(", "a.B.send(") + ",\"dataArgs\":[2]}", // not a DEX descriptor
            "{" + SMS.replace(")V", ")") + ",\"dataArgs\":[2]}",                   // no return type
            "{" + SMS.replace("[B)", "[)") + ",\"dataArgs\":[2]}",                 // broken array type
            "{" + SMS + ",\"dataArgs\":[2],\"opens\":\"arg1\"}",                   // opens names an argument
            "{" + SMS.replace("\"destinationArgs\":[1]", "\"destinationArgs\":[]") + ",\"dataArgs\":[]}", // says nothing
            "{" + SMS.replace("\"sms\",\"channel\":\"sms.text\"", "\"stream\",\"channel\":\"stream\"") + ",\"dataArgs\":[2]}", // stream without streamWrite
        };
        for (String entry : bad) {
            assertFalse(sinkViolations(entry).isEmpty(), entry);
        }
        assertFalse(JsonSchemaAssert.violations(SINKS_SCHEMA, "{\"schema\":\"leakscan-sinks/2\",\"sinks\":[{" + SMS
                + ",\"dataArgs\":[2]}]}").isEmpty());
        assertFalse(JsonSchemaAssert.violations(SINKS_SCHEMA, "{\"schema\":\"leakscan-sinks/1\",\"sinks\":[]}").isEmpty());
    }

    private static Set<String> modelViolations(String models, String neutral) throws IOException {
        return JsonSchemaAssert.violations(MODELS_SCHEMA,
                "{\"schema\":\"leakscan-models/1\",\"models\":[" + models + "],\"neutral\":[" + neutral + "]}");
    }

    @Test
    void modelSchemaAcceptsEveryShape() throws IOException {
        assertEquals(Set.of(), modelViolations("""
                {"api":"La/B;->append(Ljava/lang/String;)La/B;","transfers":[{"from":"arg1","to":"receiver"},
                 {"from":"receiver","to":"return"}],"returnsReceiver":true,"key":"arg1","note":"n"},
                {"api":"La/B;->of([B)La/B;","static":true,"verified":false,"transfers":[{"from":"args","to":"return"}]},
                {"api":"La/W;-><init>(Ljava/io/OutputStream;)V","transfers":[],"wraps":"arg1"},
                {"class":"La/V;","methods":"*","transfers":[{"from":"receiver","to":"return"},{"from":"args","to":"return"}],
                 "note":"n"}""", "\"La/B;->hashCode()I\""));
    }

    @Test
    void modelSchemaRejectsBadEntries() throws IOException {
        String[] bad = {
            "{\"api\":\"La/B;->m()V\"}",                                                         // no transfers
            "{\"api\":\"La/B;->m()V\",\"transfers\":[{\"from\":\"return\",\"to\":\"arg1\"}]}",     // from return
            "{\"api\":\"La/B;->m()V\",\"transfers\":[{\"from\":\"arg1\",\"to\":\"args\"}]}",       // to every argument
            "{\"api\":\"La/B;->m()V\",\"transfers\":[{\"from\":\"arg0\",\"to\":\"return\"}]}",     // arguments count from 1
            "{\"api\":\"La/B;->m()V\",\"transfers\":[{\"from\":\"arg1\",\"to\":\"return\",\"x\":1}]}", // unknown key
            "{\"api\":\"La/B;->m()V\",\"transfers\":[{\"from\":\"receiver\",\"to\":\"return\"}],\"static\":true}", // receiver of static
            "{\"api\":\"La/B;->m()V\",\"transfers\":[],\"returnsReceiver\":false}",               // only true is written
            "{\"api\":\"La/B;->m(La/S;)V\",\"transfers\":[],\"wraps\":\"arg1\"}",                // wraps on a non-constructor
            "{\"api\":\"La/B;->m()V\",\"transfers\":[],\"wraps\":\"receiver\"}",                  // wraps names an argument
            "{\"api\":\"La/B;->m()V\",\"class\":\"La/B;\",\"methods\":\"*\",\"transfers\":[]}",  // both kinds at once
            "{\"class\":\"La/B;\",\"methods\":\"m\",\"transfers\":[]}",                           // methods is always *
            "{\"class\":\"La/B;\",\"methods\":\"*\",\"transfers\":[{\"from\":\"arg1\",\"to\":\"return\"}]}", // one argument, class-wide
            "{\"class\":\"[La/B;\",\"methods\":\"*\",\"transfers\":[]}",                          // not a class type
            "{\"api\":\"La/B;->m()V\",\"transfers\":[],\"note\":\"\"}",                            // empty note
        };
        for (String model : bad) {
            assertFalse(modelViolations(model, "").isEmpty(), model);
        }
        String ok = "{\"api\":\"La/B;->m()V\",\"transfers\":[]}";
        assertTrue(modelViolations(ok, "").isEmpty());
        assertFalse(modelViolations(ok, "\"La/B;->n()\"").isEmpty());
        assertFalse(modelViolations(ok, "\"La/B;->n()V\",\"La/B;->n()V\"").isEmpty());
        assertFalse(JsonSchemaAssert.violations(MODELS_SCHEMA, "{\"schema\":\"leakscan-models/1\",\"models\":[" + ok
                + "],\"extra\":[]}").isEmpty());
    }
}
