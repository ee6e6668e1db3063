package io.logrouter.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** src/main/docker/Dockerfile.jvm as instructions, continuation lines joined and comments left out. */
record Dockerfile(List<String[]> instructions) {

    static Dockerfile read() {
        List<String[]> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : ProjectFiles.read(ProjectFiles.DOCKERFILE).split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String[] keywordAndArguments = current.toString().split("\\s+", 2);
            instructions.add(new String[] {keywordAndArguments[0].toUpperCase(), keywordAndArguments[1]});
            current.setLength(0);
        }
        return new Dockerfile(instructions);
    }

    /** The arguments of every {@code keyword} instruction, in order. */
    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i[0].equals(keyword)).map(i -> i[1]).toList();
    }

    /** The user the container runs as: the last USER instruction. */
    long user() {
        List<String> users = all("USER");
        return Long.parseLong(users.get(users.size() - 1));
    }

    /** ENV NAME=value pairs (one per instruction here). */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String env : all("ENV")) {
            int equals = env.indexOf('=');
            environment.put(env.substring(0, equals), env.substring(equals + 1).replaceAll("^\"|\"$", ""));
        }
        return environment;
    }
}
