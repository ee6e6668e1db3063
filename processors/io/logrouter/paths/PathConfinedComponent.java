package io.logrouter.paths;

/**
 * A component whose endpoints name files. Confined, it refuses to create an endpoint whose files are outside the
 * allowed folders; unconfined (Camel used as a library, in a context without the router's guard) it does not look.
 */
public interface PathConfinedComponent {

    /** @param read where files may be read from, @param write where files may be written */
    void confineTo(AllowedPaths read, AllowedPaths write);
}
