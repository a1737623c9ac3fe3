package io.wudoctor.cli;

import io.wudoctor.internal.authoring.ruletest.CaseResult;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Rule-test results as JUnit XML, the format CI servers read (Jenkins, GitLab, GitHub
 * actions' test reporters): one testsuite, one testcase per case, named by the case and
 * classed by its file, with a failure element per failed case. The JDK's StAX writer escapes.
 */
final class JunitReport {

    private JunitReport() {
    }

    static String of(List<CaseResult> results, double seconds) {
        long failed = results.stream().filter(r -> !r.passed()).count();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "wudoctor rules test");
            x.writeAttribute("tests", String.valueOf(results.size()));
            x.writeAttribute("failures", String.valueOf(failed));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", "0");
            x.writeAttribute("time", String.format(java.util.Locale.ROOT, "%.3f", seconds));
            x.writeCharacters("\n");
            for (CaseResult r : results) {
                x.writeCharacters("  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", r.file());
                x.writeAttribute("name", r.name());
                x.writeAttribute("file", r.file());
                if (r.line() > 0) {
                    x.writeAttribute("line", String.valueOf(r.line()));
                }
                if (!r.passed()) {
                    x.writeStartElement("failure");
                    x.writeAttribute("message", r.failures().get(0).toString());
                    StringBuilder body = new StringBuilder();
                    r.failures().forEach(f -> body.append("expected: ").append(f.expected()).append("\nactual:   ")
                            .append(f.actual()).append('\n'));
                    if (r.actual() != null) {
                        body.append("diagnosis: ").append(r.actual()).append('\n');
                    }
                    x.writeCharacters(body.toString());
                    x.writeEndElement();
                }
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit XML", e);
        }
        return text.toString();
    }
}
