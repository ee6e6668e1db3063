package io.logrouter.reload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Language;

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
 * The checks made on a routes file's YAML before Camel reads it. Camel creates a file's beans, and runs the factories,
 * constructors and reference values they name, while it parses, so nothing may reach Camel's reader before every key
 * and value of the raw tree, at every depth and in every spelling Camel accepts, is checked: keys that call code,
 * languages, Camel's reference syntax, expressions, placeholders and endpoint names, wherever they are written. The
 * route guard checks the same things again where Camel creates them; this check is what reports them at their line.
 */
final class RouteYamlScan {

    /**
     * Camel's expression languages, as they appear as keys in the YAML DSL. {@code ref} is left out, as it is also
     * the key of a step's bean reference: the language is refused by the route guard when Camel resolves it.
     */
    private static final Set<String> LANGUAGES = Set.of("constant", "csimple", "datasonnet", "exchangeProperty",
            "file", "groovy", "header", "hl7terser", "java", "javaScript", "joor", "jq", "js", "jsonpath", "method",
            "mvel", "ognl", "python", "simple", "spel", "tokenize", "variable", "wasm", "xpath", "xquery",
            "xtokenize");
    /**
     * Keys that make Camel create objects or call code while it reads a file, in the spelling-free form of
     * {@link #normalized}: camelCase, kebab-case and snake_case spellings are all the same key to Camel's YAML reader.
     * The {@code bean} step calls any method of a bean; the router's steps are {@code process} steps.
     */
    private static final Set<String> CODE_KEYS = Set.of("beantype", "factorybean", "factorymethod", "builderclass",
            "buildermethod", "initmethod", "destroymethod", "constructors", "constructor", "script",
            "scriptlanguage", "bean", "class", "code", "lambda", "expressiontype");
    /** What a bean declaration may say: its name, its type and its properties, nothing that chooses how it is made. */
    private static final Set<String> BEAN_KEYS = Set.of("name", "type", "properties");
    /** Camel's reference syntax in values ({@code #bean:}, {@code #class:}, {@code #type:}, {@code #valueAs(}...). */
    private static final Pattern REFERENCE = Pattern.compile("^\\s*#[A-Za-z]");
    /** Words followed by a colon: where a value may name an endpoint, even one computed at run time. */
    private static final Pattern SCHEME = Pattern.compile("(?<![\\w.$-])([a-z][a-z0-9-]*):");
    private static final Pattern BEAN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("[a-z][A-Za-z0-9-]*");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    /** Camel components that run code or touch files: refused by name even where this image does not carry them. */
    private static final Set<String> CODE_COMPONENTS = Set.of("bean", "class", "controlbus", "exec", "file", "ftp",
            "ftps", "sftp", "jdbc", "sql", "ssh", "language", "xslt", "velocity", "freemarker", "mvel", "groovy",
            "ognl", "ref", "stub", "docker");
    private static final String LANGUAGE_SERVICES = "META-INF/services/org/apache/camel/language/";
    /**
     * What a reloadable file may hold at its top level: what the reload tracks as the file's own (its routes, route
     * templates and templated routes). Rests and route configurations would live on in the context after their file
     * changed, so they are refused.
     */
    private static final Set<String> TOP_LEVEL = Set.of("beans", "route", "from", "onException", "onCompletion",
            "errorHandler", "intercept", "interceptFrom", "interceptSendToEndpoint", "routeTemplate",
            "templatedRoute");
    /** The items whose {@code beans} are local to the routes they create, but created from the file all the same. */
    private static final Set<String> TEMPLATES = Set.of("routeTemplate", "templatedRoute");

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

    /** Whether the file declares route templates, which the files instantiating them must find loaded. */
    boolean declaresTemplates() {
        return !topLevel("routeTemplate").isEmpty();
    }

    /** The line of each top-level {@code templatedRoute}, in the order Camel reads them (Camel keeps no line). */
    List<Integer> templatedRouteLines() {
        return topLevel("templatedRoute").stream().map(tuple -> lineOf(tuple.getKeyNode())).toList();
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
            Set<String> parameters = templateParameters(problems);
            new TreeCheck(allowList, classes, parameters, problems).node(root, false);
        }
        for (NodeTuple template : topLevel(TEMPLATES)) {
            if (template.getValueNode() instanceof MappingNode mapping) {
                entries(mapping, "beans").forEach(bean -> checkBean(bean, allowList, classes, problems));
            }
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

    /** The parameters the file's route templates declare: their placeholders are the template's, not settings. */
    private Set<String> templateParameters(List<RouteProblem> problems) {
        Set<String> names = new TreeSet<>();
        for (NodeTuple template : topLevel("routeTemplate")) {
            if (template.getValueNode() instanceof MappingNode mapping) {
                for (MappingNode parameter : entries(mapping, "parameters")) {
                    scalar(parameter, "name").ifPresent(name -> {
                        if (TEMPLATE_PARAMETER.matcher(name.getValue()).matches()) {
                            names.add(name.getValue());
                        } else {
                            // a dotted or upper-case name would be looked up in the configuration when left unset
                            problems.add(problem(name, "template parameter '" + name.getValue() + "': a parameter"
                                    + " name is a lower-case word (letters, digits, -)"));
                        }
                    });
                }
            }
        }
        return names;
    }

    /**
     * Every key and value at every depth, before Camel reads anything: keys that make Camel create objects or run
     * code, in any spelling; languages not allowed; values with Camel's reference syntax, expressions that are not
     * data-only, placeholders of settings not allowed, and endpoints of components not allowed, wherever they are
     * written (a computed endpoint's text is a value too).
     */
    private final class TreeCheck {

        private final RouteAllowList allowList;
        private final ClassResolver classes;
        private final Set<String> templateParameters;
        private final List<RouteProblem> problems;
        private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        TreeCheck(RouteAllowList allowList, ClassResolver classes, Set<String> templateParameters,
                List<RouteProblem> problems) {
            this.allowList = allowList;
            this.classes = classes;
            this.templateParameters = templateParameters;
            this.problems = problems;
        }

        /** @param options whether the node's keys are endpoint options or bean properties, not DSL keys */
        void node(Node node, boolean options) {
            if (!seen.add(node)) {
                return; // an alias of a node already checked
            }
            if (node instanceof ScalarNode scalar) {
                value(scalar);
            } else if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(item -> node(item, false));
            } else if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                        problems.add(problem(tuple.getKeyNode(), "a key must be plain text"));
                        continue;
                    }
                    key(key, tuple.getValueNode(), options);
                    String name = normalized(key.getValue());
                    node(tuple.getValueNode(), name.equals("parameters") || name.equals("properties"));
                }
            }
        }

        private void key(ScalarNode key, Node value, boolean options) {
            String name = normalized(key.getValue());
            value(key);
            if (CODE_KEYS.contains(name)) {
                problems.add(problem(key, "'" + key.getValue() + "' makes Camel create objects or call code: not"
                        + " allowed in reloadable routes"));
            } else if (options) {
                return; // an endpoint option or a bean property: its name is not a language
            } else if (LANGUAGES.stream().map(RouteYamlScan::normalized).anyMatch(name::equals)
                    && LANGUAGES.stream().filter(language -> normalized(language).equals(name))
                            .noneMatch(allowList::allowsLanguage)) {
                problems.add(problem(key, "language '" + key.getValue() + "' is not allowed in reloadable routes"));
            } else if (name.equals("language") && value instanceof ScalarNode language
                    && !allowList.allowsLanguage(language.getValue())) {
                problems.add(problem(key, "language '" + language.getValue()
                        + "' is not allowed in reloadable routes"));
            }
        }

        /** The first problem of a value only: one mistake, one line in the report. */
        private void value(ScalarNode scalar) {
            String text = scalar.getValue();
            Optional<String> problem = REFERENCE.matcher(text).find()
                    ? Optional.of("'" + text.trim().split("[:(\\s]")[0] + "' values make Camel look up or create"
                            + " objects: not allowed in reloadable routes")
                    : DataOnlySimple.refusal(text, allowList::allowsSetting)
                            .or(() -> Placeholders.refusal(text, allowList, templateParameters::contains))
                            .or(() -> componentRefusal(text));
            problem.ifPresent(message -> problems.add(problem(scalar, message)));
        }

        private Optional<String> componentRefusal(String text) {
            Matcher scheme = SCHEME.matcher(text);
            while (scheme.find()) {
                String component = scheme.group(1);
                if (!allowList.allowsComponent(component) && isComponent(component)) {
                    return Optional.of("component '" + component + "' is not allowed in reloadable routes"
                            + " (logrouter.routes.allowed-components), not even in an endpoint computed at run time");
                }
            }
            return Optional.empty();
        }

        private boolean isComponent(String name) {
            return CODE_COMPONENTS.contains(name) || ComponentServices.exists(classes, name);
        }
    }

    /** A key as Camel's YAML reader matches it: case, dashes and underscores do not matter. */
    static String normalized(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private void checkBean(MappingNode bean, RouteAllowList allowList, ClassResolver classes,
            List<RouteProblem> problems) {
        String name = scalar(bean, "name").map(ScalarNode::getValue).orElse("?");
        for (NodeTuple tuple : bean.getValue()) {
            // keys that call code are reported with every other such key, wherever it is
            if (tuple.getKeyNode() instanceof ScalarNode key && !BEAN_KEYS.contains(key.getValue())
                    && !CODE_KEYS.contains(normalized(key.getValue()))) {
                problems.add(problem(key, "bean " + name + ": '" + key.getValue() + "' is not allowed; a bean in a"
                        + " reloadable routes file has only " + new TreeSet<>(BEAN_KEYS)));
            }
        }
        scalar(bean, "name").ifPresent(key -> {
            if (!BEAN_NAME.matcher(name).matches()) {
                problems.add(problem(key, "bean " + name + ": a bean name is a word (letters, digits, - and _)"));
            } else if (ComponentServices.exists(classes, name)
                    || classes.loadResourceAsURL(LANGUAGE_SERVICES + name) != null) {
                problems.add(problem(key, "bean " + name + ": the name of a Camel component or language"));
            }
        });
        Optional<ScalarNode> type = scalar(bean, "type");
        if (type.isEmpty()) {
            return;
        }
        String className = type.get().getValue();
        if (REFERENCE.matcher(className).find()) {
            return; // reported with every other value in Camel's reference syntax
        } else if (!CLASS_NAME.matcher(className).matches()) {
            problems.add(problem(type.get(), "bean " + name + ": type " + className + " is not a class name"));
        } else if (!allowList.allowsBeanType(className)) {
            problems.add(problem(type.get(), "bean " + name + ": type " + className + " is not in an allowed package "
                    + allowList.beanPackages()));
        } else {
            Class<?> beanClass = classes.resolveClass(className);
            if (beanClass == null) {
                problems.add(problem(type.get(), "bean " + name + ": class " + className + " not found"));
            } else if (Component.class.isAssignableFrom(beanClass) || Endpoint.class.isAssignableFrom(beanClass)
                    || Language.class.isAssignableFrom(beanClass)) {
                problems.add(problem(type.get(), "bean " + name + ": a " + className + " is a Camel component,"
                        + " endpoint or language, which a routes file may not make"));
            }
        }
    }

    /** The entries of every top-level {@code - beans:} list. */
    private List<MappingNode> beans() {
        List<MappingNode> beans = new ArrayList<>();
        for (NodeTuple tuple : topLevel("beans")) {
            if (tuple.getValueNode() instanceof SequenceNode list) {
                list.getValue().stream().filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
                        .forEach(beans::add);
            }
        }
        return beans;
    }

    /** The mapping entries of {@code mapping}'s list under {@code key}. */
    private static List<MappingNode> entries(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
                    && tuple.getValueNode() instanceof SequenceNode list) {
                return list.getValue().stream().filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
                        .toList();
            }
        }
        return List.of();
    }

    private List<NodeTuple> topLevel(String key) {
        return topLevel(Set.of(key));
    }

    /** The top-level items with one of the given keys, in file order. */
    private List<NodeTuple> topLevel(Set<String> keys) {
        List<NodeTuple> items = new ArrayList<>();
        if (root instanceof SequenceNode top) {
            for (Node item : top.getValue()) {
                if (item instanceof MappingNode mapping) {
                    mapping.getValue().stream().filter(tuple -> tuple.getKeyNode() instanceof ScalarNode key
                            && keys.contains(key.getValue())).forEach(items::add);
                }
            }
        }
        return items;
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
        return new RouteProblem(file.location(), lineOf(node), message);
    }

    private static int lineOf(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
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
