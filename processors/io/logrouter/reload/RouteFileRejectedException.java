package io.logrouter.reload;

import java.util.List;
import java.util.stream.Collectors;

/** A routes file that cannot be loaded, with every problem found in it. */
public class RouteFileRejectedException extends Exception {

    private final transient List<RouteProblem> problems;

    public RouteFileRejectedException(List<RouteProblem> problems) {
        super(problems.stream().map(RouteProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RouteProblem> problems() {
        return problems;
    }
}
