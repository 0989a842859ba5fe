package org.feedback360.feedback.people;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvTest {

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        List<Csv.Record> r = Csv.parse("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n\nlast,1");
        assertEquals(4, r.size());
        assertEquals(List.of("x, y", "say \"hi\""), r.get(1).fields());
        assertEquals(List.of("two\nlines", "z"), r.get(2).fields());
        assertEquals(3, r.get(2).line());
        assertEquals(6, r.get(3).line());
        assertEquals(List.of("last", "1"), r.get(3).fields());
    }

    @Test
    void emptyFieldsAreKept() {
        assertEquals(List.of("a", "", ""), Csv.parse("a,,\n").get(0).fields());
    }

    @Test
    void unclosedQuoteIsMalformed() {
        Csv.MalformedCsv e = assertThrows(Csv.MalformedCsv.class, () -> Csv.parse("a\n\"open,b\n"));
        assertEquals(2, e.line);
    }
}
