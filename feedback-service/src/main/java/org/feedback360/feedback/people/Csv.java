package org.feedback360.feedback.people;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside quotes. */
final class Csv {

    /** A record and the 1-based line it starts on. */
    record Record(int line, List<String> fields) {
    }

    static final class MalformedCsv extends RuntimeException {
        final int line;

        MalformedCsv(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private Csv() {
    }

    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        while (i < text.length()) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < text.length() && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= text.length()) {
                            throw new MalformedCsv(recordLine, "a quoted field is never closed");
                        }
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < text.length() && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            field.append(c);
                        }
                    }
                    if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        throw new MalformedCsv(line, "unexpected text after a closing quote");
                    }
                }
                while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    field.append(text.charAt(i++));
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i >= text.length()) {
                    endOfRecord = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                } else {
                    if (text.charAt(i) == '\r') {
                        i++;
                    }
                    if (i < text.length() && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRecord = true;
                }
            }
            boolean blank = fields.size() == 1 && fields.get(0).isBlank();
            if (!blank) {
                records.add(new Record(recordLine, fields));
            }
        }
        return records;
    }
}
