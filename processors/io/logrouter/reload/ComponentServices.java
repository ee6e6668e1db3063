package io.logrouter.reload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.apache.camel.spi.ClassResolver;

/**
 * Camel's own record of its components: the {@code META-INF/services/org/apache/camel/component/<name>} file each
 * component's jar carries, naming the class. What a name means is read there, never from a registry a bean could be
 * bound in.
 */
final class ComponentServices {

    private static final String PATH = "META-INF/services/org/apache/camel/component/";

    private ComponentServices() {
    }

    /** The class declared for the name, or null when no jar declares a component of that name. */
    static String declaredClass(ClassResolver classes, String name) {
        try (InputStream in = classes.loadResourceAsStream(PATH + name)) {
            if (in == null) {
                return null;
            }
            Properties service = new Properties();
            service.load(in);
            return service.getProperty("class");
        } catch (IOException e) {
            return null;
        }
    }

    static boolean exists(ClassResolver classes, String name) {
        return declaredClass(classes, name) != null;
    }
}
