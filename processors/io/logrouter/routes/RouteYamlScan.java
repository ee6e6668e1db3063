package io.logrouter.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.spi.ClassResolver;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The checks made on a routes file's YAML before Camel reads it: Camel creates a file's beans while it parses, so a
 * bean of a type that is not allowed must be refused before that, and the YAML is where every expression's language
 * is written, whatever the EIP that holds it.
 */
final class RouteYamlScan {

    /** Camel's expression languages, as they appear as keys in the YAML DSL. */
    private static final Set<String> LANGUAGES = Set.of("constant", "csimple", "datasonnet", "exchangeProperty",
            "file", "groovy", "header", "hl7terser", "java", "javaScript", "joor", "jq", "js", "jsonpath", "method",
            "mvel", "ognl", "python", "ref", "simple", "spel", "tokenize", "variable", "wasm", "xpath", "xquery",
            "xtokenize");
    /**
     * What a reloadable file may hold at its top level: what ends up in its own routes. Rests, templates and route
     * configurations would live on in the context after their file changed, so they are refused.
     */
    private static final Set<String> TOP_LEVEL = Set.of("beans", "route", "from", "onException", "onCompletion",
            "errorHandler", "intercept", "interceptFrom", "interceptSendToEndpoint");
    private static final String CLASS_PREFIX = "#class:";

    private final RouteFile file;
    private final Node root;

    private RouteYamlScan(RouteFile file, Node root) {
        this.file = file;
        this.root = root;
    }

    /** The file's YAML, or the syntax error with its line. */
    static RouteYamlScan parse(RouteFile file) throws RouteFileRejectedException {
        try {
            Optional<Node> root = new Compose(LoadSettings.builder().setLabel(file.location()).build())
                    .composeString(file.content());
            return new RouteYamlScan(file, root.orElse(null));
        } catch (YamlEngineException e) {
            throw new RouteFileRejectedException(List.of(new RouteProblem(file.location(), lineOf(e),
                    "invalid YAML: " + describe(e))));
        }
    }

    /** The names of the beans the file declares. */
    Set<String> beanNames() {
        Set<String> names = new TreeSet<>();
        for (MappingNode bean : beans()) {
            scalar(bean, "name").ifPresent(name -> names.add(name.getValue()));
        }
        return names;
    }

    /**
     * @param takenBeanNames the beans other routes files bound: bean names are global, and binding one again
     *                       would swap another file's bean under it
     */
    List<RouteProblem> check(RouteAllowList allowList, ClassResolver classes, Set<String> takenBeanNames) {
        List<RouteProblem> problems = new ArrayList<>();
        if (root != null) {
            checkTopLevel(problems);
            checkLanguages(root, allowList, problems);
        }
        for (MappingNode bean : beans()) {
            checkBean(bean, allowList, classes, problems);
            scalar(bean, "name").filter(name -> takenBeanNames.contains(name.getValue())).ifPresent(name ->
                    problems.add(problem(name, "bean " + name.getValue() + " is already declared in another routes file")));
        }
        return problems;
    }

    private void checkTopLevel(List<RouteProblem> problems) {
        if (!(root instanceof SequenceNode top)) {
            problems.add(problem(root, "a routes file is a YAML list of beans, routes and error handlers"));
            return;
        }
        for (Node item : top.getValue()) {
            if (item instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && !TOP_LEVEL.contains(key.getValue())) {
                        problems.add(problem(key, "'" + key.getValue() + "' is not supported in a reloadable routes"
                                + " file; it may hold " + new TreeSet<>(TOP_LEVEL)));
                    }
                }
            }
        }
    }

    private void checkLanguages(Node node, RouteAllowList allowList, List<RouteProblem> problems) {
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> checkLanguages(item, allowList, problems));
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    continue;
                }
                String name = key.getValue();
                if (name.equals("parameters") || name.equals("properties")) {
                    continue; // endpoint options and bean properties: their keys are not languages
                }
                if (LANGUAGES.contains(name) && !allowList.allowsLanguage(name)) {
                    problems.add(problem(key, "language '" + name + "' is not allowed in reloadable routes"));
                } else if (name.equals("language") && tuple.getValueNode() instanceof ScalarNode language
                        && !allowList.allowsLanguage(language.getValue())) {
                    problems.add(problem(key, "language '" + language.getValue()
                            + "' is not allowed in reloadable routes"));
                } else if (name.equals("beanType") && tuple.getValueNode() instanceof ScalarNode type
                        && !allowList.allowsBeanType(type.getValue())) {
                    problems.add(problem(key, "bean type " + type.getValue() + " is not in an allowed package "
                            + allowList.beanPackages()));
                }
                checkLanguages(tuple.getValueNode(), allowList, problems);
            }
        }
    }

    private void checkBean(MappingNode bean, RouteAllowList allowList, ClassResolver classes,
            List<RouteProblem> problems) {
        String name = scalar(bean, "name").map(ScalarNode::getValue).orElse("?");
        Optional<ScalarNode> script = scalar(bean, "scriptLanguage").or(() -> scalar(bean, "script"));
        if (script.isPresent()) {
            problems.add(problem(script.get(), "bean " + name + ": bean scripts are not allowed in reloadable routes"));
        }
        Optional<ScalarNode> type = scalar(bean, "type");
        if (type.isEmpty()) {
            return;
        }
        String className = type.get().getValue();
        if (className.startsWith(CLASS_PREFIX)) {
            className = className.substring(CLASS_PREFIX.length());
        }
        if (!allowList.allowsBeanType(className)) {
            problems.add(problem(type.get(), "bean " + name + ": type " + className + " is not in an allowed package "
                    + allowList.beanPackages()));
        } else if (classes.resolveClass(className) == null) {
            problems.add(problem(type.get(), "bean " + name + ": class " + className + " not found"));
        }
    }

    /** The entries of every top-level {@code - beans:} list. */
    private List<MappingNode> beans() {
        List<MappingNode> beans = new ArrayList<>();
        if (root instanceof SequenceNode top) {
            for (Node item : top.getValue()) {
                if (item instanceof MappingNode mapping) {
                    for (NodeTuple tuple : mapping.getValue()) {
                        if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("beans")
                                && tuple.getValueNode() instanceof SequenceNode list) {
                            list.getValue().stream().filter(MappingNode.class::isInstance)
                                    .map(MappingNode.class::cast).forEach(beans::add);
                        }
                    }
                }
            }
        }
        return beans;
    }

    private static Optional<ScalarNode> scalar(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
                    && tuple.getValueNode() instanceof ScalarNode value) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private RouteProblem problem(Node node, String message) {
        int line = node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
        return new RouteProblem(file.location(), line, message);
    }

    /** The parser's message without the location and snippet the problem's file and line already give. */
    static String describe(YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException marked && marked.getProblem() != null) {
            String context = marked.getContext() == null ? "" : marked.getContext()
                    + marked.getContextMark().map(mark -> " (line " + (mark.getLine() + 1) + ")").orElse("") + ": ";
            return (context + marked.getProblem()).replaceAll("\\s+", " ").trim();
        }
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
    }

    static int lineOf(YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException marked) {
            return marked.getProblemMark().or(marked::getContextMark).map(mark -> mark.getLine() + 1).orElse(0);
        }
        return 0;
    }
}
