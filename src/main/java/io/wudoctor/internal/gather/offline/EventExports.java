package io.wudoctor.internal.gather.offline;

import io.wudoctor.api.BadInputException;
import io.wudoctor.facts.EventRecord;
import io.wudoctor.internal.gather.scan.TextEncoding;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads event-log exports into event facts. Two forms (docs/bundle.md): event XML, as
 * {@code Get-WinEvent ... ToXml()}, {@code wevtutil qe /f:xml} or {@code /f:RenderedXml} and
 * Event Viewer's "Save as XML" write it (one or many {@code <Event>} elements, with or without
 * an enclosing element); and Event Viewer's "Copy details as text" form ({@code Log Name:},
 * {@code Source:}, {@code Event ID:} ... {@code Description:}). Error code and KB come from the
 * event's named data when it has them (locale-independent), else from the message.
 */
public final class EventExports {

    /** Exports are filtered to a few providers; a bigger file is not one wudoctor asked for. */
    static final long MAX_BYTES = 64L << 20;

    private static final Pattern KB = Pattern.compile("\\bKB\\d{6,8}\\b");
    private static final Pattern HRESULT = Pattern.compile("\\b0x[0-9A-Fa-f]{8}\\b");
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z ]*?):\\s*(.*)$");

    private EventExports() {
    }

    static List<EventRecord> read(Path file, String name) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(name + ": event export larger than " + (MAX_BYTES >> 20)
                        + " MiB; export only the Microsoft-Windows-WindowsUpdateClient events of the System log");
            }
            text = TextEncoding.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read: " + e.getMessage());
        }
        return name.toLowerCase(Locale.ROOT).endsWith(".xml") ? parseXml(text, name) : parseText(text);
    }

    /** Events from event XML; {@code name} is for messages. */
    public static List<EventRecord> parseXml(String xml, String name) {
        // Concatenated <Event> elements have no single root: give them one. Declarations go first,
        // and the wrapper adds no line break, so line numbers in errors stay right.
        String body = xml.replaceAll("<\\?xml[^>]*\\?>", "");
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<EventRecord> events = new ArrayList<>();
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new StringReader("<wudoctor-events>" + body + "</wudoctor-events>"));
            XmlEvent current = null;
            while (r.hasNext()) {
                int type = r.next();
                if (type == XMLStreamConstants.START_ELEMENT) {
                    String element = r.getLocalName();
                    if (element.equals("Event")) {
                        current = new XmlEvent();
                    } else if (current != null) {
                        current.read(element, r);
                    }
                } else if (type == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("Event") && current != null) {
                    events.add(current.toRecord());
                    current = null;
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new BadInputException(name + (line > 0 ? ":" + line : "") + ": not valid event XML (expected <Event> "
                    + "elements as Get-WinEvent's ToXml() or wevtutil write them): " + e.getMessage().lines().reduce((a, b) -> b).orElse(""));
        }
        return events;
    }

    /** The fields of one {@code <Event>} element as they are read. */
    private static final class XmlEvent {
        String channel;
        String provider;
        int id = -1;
        String time;
        String message;
        String binary;
        final Map<String, String> data = new LinkedHashMap<>();

        void read(String element, XMLStreamReader r) throws XMLStreamException {
            switch (element) {
                case "Provider" -> provider = r.getAttributeValue(null, "Name");
                case "TimeCreated" -> time = r.getAttributeValue(null, "SystemTime");
                case "EventID" -> id = parseId(r.getElementText());
                case "Channel" -> channel = r.getElementText().strip();
                case "Message" -> message = r.getElementText().strip();
                case "Data" -> {
                    String key = r.getAttributeValue(null, "Name");
                    data.put(key == null ? "data" + data.size() : key, r.getElementText().strip());
                }
                case "Binary" -> binary = r.getElementText().strip();
                default -> { }
            }
        }

        EventRecord toRecord() {
            String title = data.get("updateTitle");
            String text = message != null && !message.isBlank() ? message : title;
            String code = data.getOrDefault("errorCode", firstMatch(HRESULT, message));
            String kb = firstMatch(KB, title != null ? title : message);
            String source = provider == null ? "unknown" : provider;
            String service = EventRecord.SERVICE_CONTROL_MANAGER.equalsIgnoreCase(source)
                    ? ServiceEventNames.serviceOf(id, data, binary) : null;
            return new EventRecord(channel, source, id, time, kb, code, text, service, data);
        }
    }

    /** Events from Event Viewer's "Copy details as text" form. */
    static List<EventRecord> parseText(String text) {
        List<EventRecord> events = new ArrayList<>();
        TextEvent current = null;
        for (String line : text.split("\r\n|\r|\n")) {
            if (line.startsWith("Log Name:")) {
                if (current != null) {
                    events.add(current.toRecord());
                }
                current = new TextEvent();
            }
            if (current != null) {
                current.read(line);
            }
        }
        if (current != null) {
            events.add(current.toRecord());
        }
        return events;
    }

    /** The fields of one event in the text form, read line by line. */
    private static final class TextEvent {
        final Map<String, String> fields = new LinkedHashMap<>();
        final StringBuilder description = new StringBuilder();
        boolean inDescription;
        boolean inXml;

        void read(String line) {
            if (inXml) {
                return; // "Event Xml:" repeats the same event; the text fields are enough
            }
            if (inDescription) {
                if (line.startsWith("Event Xml:")) {
                    inXml = true;
                } else {
                    description.append(description.length() == 0 ? "" : "\n").append(line);
                }
                return;
            }
            Matcher m = FIELD.matcher(line);
            if (m.matches()) {
                fields.put(m.group(1).strip(), m.group(2).strip());
                inDescription = m.group(1).strip().equals("Description");
            }
        }

        EventRecord toRecord() {
            String message = description.toString().strip();
            String source = fields.getOrDefault("Source", "unknown");
            int id = parseId(fields.getOrDefault("Event ID", ""));
            // The text form has no named data: only an English display name can say which service it is.
            String service = EventRecord.SERVICE_CONTROL_MANAGER.equalsIgnoreCase(source)
                    ? ServiceEventNames.serviceFromEnglishMessage(message) : null;
            return new EventRecord(fields.get("Log Name"), source, id, fields.get("Date"), firstMatch(KB, message),
                    firstMatch(HRESULT, message), message.isEmpty() ? null : message, service, null);
        }
    }

    private static int parseId(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String firstMatch(Pattern p, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = p.matcher(text);
        return m.find() ? m.group() : null;
    }
}
