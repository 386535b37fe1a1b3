package no.samnav.mappers.error;

/**
 * Where in an XML document something was found: 1-based line and column (0 when unknown) and the
 * element path, e.g. {@code /MsgHead/Document[1]/RefDoc/Content/Dialogmelding/Notat[1]/TemaKodet}.
 */
public record Location(int line, int column, String path) {

    public static final Location UNKNOWN = new Location(0, 0, "");

    public static Location ofPath(String path) {
        return new Location(0, 0, path);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (line > 0) sb.append("line ").append(line).append(", column ").append(column);
        if (path != null && !path.isEmpty()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append("at ").append(path);
        }
        return sb.length() == 0 ? "unknown location" : sb.toString();
    }
}
