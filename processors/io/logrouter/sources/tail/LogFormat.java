package io.logrouter.sources.tail;

/** How the lines of a tailed file are framed. */
public enum LogFormat {

    /** Each line is tried as Docker json-file, then CRI, and kept as plain text when it is neither. */
    AUTO {
        @Override
        ContainerLine decode(String line) {
            ContainerLine framed = line.startsWith("{") ? DockerJsonLineParser.parse(line) : CriLineParser.parse(line);
            return framed != null ? framed : ContainerLine.plain(line);
        }
    },
    CRI {
        @Override
        ContainerLine decode(String line) {
            ContainerLine framed = CriLineParser.parse(line);
            return framed != null ? framed : ContainerLine.malformed(line, "not a CRI log line");
        }
    },
    DOCKER {
        @Override
        ContainerLine decode(String line) {
            ContainerLine framed = DockerJsonLineParser.parse(line);
            return framed != null ? framed : ContainerLine.malformed(line, "not a Docker json-file log line");
        }
    },
    PLAIN {
        @Override
        ContainerLine decode(String line) {
            return ContainerLine.plain(line);
        }
    };

    /** Never null: a line that does not fit the format is kept whole as plain text rather than dropped. */
    abstract ContainerLine decode(String line);
}
