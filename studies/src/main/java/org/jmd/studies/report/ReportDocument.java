package org.jmd.studies.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A report as a list of blocks — headings, paragraphs, tables (with optionally coloured cells),
 * images and lists — written once and rendered twice: as Markdown ({@code report.md}, images
 * linked) and as one self-contained HTML page ({@code report.html}, images embedded as base64 PNG,
 * no external style sheet or script, so it opens offline and can be mailed as one file).
 *
 * <p>Text may use {@code `code`} and {@code **bold**}; both renderings understand them.
 */
public final class ReportDocument {
    /** Cell colours of a table. */
    public enum Colour { NONE, GREEN, AMBER, RED }

    private interface Block {}

    private record Heading(int level, String text) implements Block {}

    private record Paragraph(String text) implements Block {}

    private record Table(List<String> header, List<List<String>> rows, List<List<Colour>> colours) implements Block {
        /** Numbers (and "—") align right, text left; coloured headline cells count as numbers. */
        boolean numeric(int column) {
            if (column == 0) return false;
            for (int r = 0; r < rows.size(); r++) {
                String v = rows.get(r).get(column).trim();
                boolean coloured = colours != null && colours.get(r).get(column) != Colour.NONE;
                if (!coloured && !v.equals("—") && !NUMBER.matcher(v).matches()) return false;
            }
            return true;
        }
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+−]?[0-9.]+(e[-+]?[0-9]+)?( \\(.*\\))?");

    private record Image(String file, String caption) implements Block {}

    private record Bullets(List<String> items) implements Block {}

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public ReportDocument(String title) { this.title = title; }

    public ReportDocument heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    public ReportDocument paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public ReportDocument bullets(List<String> items) {
        if (!items.isEmpty()) blocks.add(new Bullets(List.copyOf(items)));
        return this;
    }

    /** A table; columns of numbers are right-aligned. */
    public ReportDocument table(List<String> header, List<List<String>> rows) {
        return table(header, rows, null);
    }

    /** A table with a colour per cell ({@code colours} parallel to {@code rows}; null for none). */
    public ReportDocument table(List<String> header, List<List<String>> rows, List<List<Colour>> colours) {
        blocks.add(new Table(List.copyOf(header), copy(rows), colours == null ? null : copy(colours)));
        return this;
    }

    /** An image file, relative to the report's directory. */
    public ReportDocument image(String file, String caption) {
        blocks.add(new Image(file, caption));
        return this;
    }

    /** Appends another document's blocks (its title is not used): a test's section of the report. */
    public ReportDocument include(ReportDocument part) {
        blocks.addAll(part.blocks);
        return this;
    }

    public boolean isEmpty() { return blocks.isEmpty(); }

    // ------------------------------------------------------------------ Markdown

    public String markdown() {
        StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("#".repeat(h.level() + 1)).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Paragraph p) {
                sb.append(p.text()).append("\n\n");
            } else if (b instanceof Bullets l) {
                for (String item : l.items()) sb.append("- ").append(item).append('\n');
                sb.append('\n');
            } else if (b instanceof Table t) {
                markdownTable(sb, t);
            } else if (b instanceof Image i) {
                sb.append("![").append(i.caption()).append("](").append(i.file()).append(")\n\n");
            }
        }
        return sb.toString();
    }

    private static void markdownTable(StringBuilder sb, Table t) {
        sb.append('|');
        for (String h : t.header()) sb.append(' ').append(cellText(h)).append(" |");
        sb.append("\n|");
        for (int c = 0; c < t.header().size(); c++) sb.append(t.numeric(c) ? "---:|" : "---|");
        sb.append('\n');
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            sb.append('|');
            for (int c = 0; c < row.size(); c++) {
                Colour colour = t.colours() == null ? Colour.NONE : t.colours().get(r).get(c);
                sb.append(' ').append(marker(colour)).append(cellText(row.get(c))).append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n');
    }

    /** Markdown has no cell colours: a coloured disc in front of the value says it. */
    private static String marker(Colour c) {
        switch (c) {
            case GREEN: return "🟢 ";
            case AMBER: return "🟠 ";
            case RED: return "🔴 ";
            default: return "";
        }
    }

    private static String cellText(String s) { return s.replace("|", "\\|").replace("\n", " "); }

    // ------------------------------------------------------------------ HTML

    /** The page, with every image read from {@code dir} and embedded. */
    public String html(Path dir) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:0.92em}th,td{border:1px solid #bbb;padding:4px 8px}\n")
                .append("th{background:#f0f0f0}td.num{text-align:right}td.green{background:#c8ecc8}td.amber{background:#fde2a8}td.red{background:#f6b8b8}\n")
                .append("code{background:#f4f4f4;padding:0 3px}figure{margin:1em 0}figure img{max-width:100%;border:1px solid #ddd}\n")
                .append("figcaption{font-size:0.9em;color:#555}\n</style>\n</head>\n<body>\n<h1>").append(inline(title)).append("</h1>\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("<h").append(h.level() + 1).append('>').append(inline(h.text())).append("</h").append(h.level() + 1).append(">\n");
            } else if (b instanceof Paragraph p) {
                sb.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (b instanceof Bullets l) {
                sb.append("<ul>\n");
                for (String item : l.items()) sb.append("<li>").append(inline(item)).append("</li>\n");
                sb.append("</ul>\n");
            } else if (b instanceof Table t) {
                htmlTable(sb, t);
            } else if (b instanceof Image i) {
                sb.append("<figure><img alt=\"").append(escape(i.caption())).append("\" src=\"").append(dataUri(dir.resolve(i.file())))
                        .append("\"><figcaption>").append(inline(i.caption())).append("</figcaption></figure>\n");
            }
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    private static void htmlTable(StringBuilder sb, Table t) {
        sb.append("<table>\n<tr>");
        for (String h : t.header()) sb.append("<th>").append(inline(h)).append("</th>");
        sb.append("</tr>\n");
        boolean[] numeric = new boolean[t.header().size()];
        for (int c = 0; c < numeric.length; c++) numeric[c] = t.numeric(c);
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            sb.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                Colour colour = t.colours() == null ? Colour.NONE : t.colours().get(r).get(c);
                List<String> classes = new ArrayList<>();
                if (numeric[c]) classes.add("num");
                if (colour != Colour.NONE) classes.add(colour.name().toLowerCase(java.util.Locale.ROOT));
                sb.append(classes.isEmpty() ? "<td>" : "<td class=\"" + String.join(" ", classes) + "\">").append(inline(row.get(c))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    private static String dataUri(Path png) {
        try {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException e) {
            return "";
        }
    }

    /** HTML-escaped text with `code` and **bold** turned into their tags. */
    static String inline(String text) {
        String s = escape(text);
        s = s.replaceAll("`([^`]*)`", "<code>$1</code>");
        s = s.replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>");
        return s;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static <T> List<List<T>> copy(List<List<T>> rows) {
        List<List<T>> out = new ArrayList<>();
        for (List<T> r : rows) out.add(List.copyOf(r));
        return out;
    }
}
