package dev.veltrix.branding;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Makes an uploaded SVG safe to serve: only drawing elements are kept (no script, foreignObject, style sheet, image,
 * link or animation), event handlers and references outside the document are removed, and a DOCTYPE (the door to
 * entity tricks) refuses the file. What was removed is reported, so the operator knows their logo changed.
 */
public final class SvgSanitizer {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Set<String> ELEMENTS = Set.of("svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text",
            "tspan", "defs", "lineargradient", "radialgradient", "stop", "title", "desc", "clippath", "mask", "symbol", "use");
    private static final Set<String> REFERENCING = Set.of("fill", "stroke", "filter", "clip-path", "mask", "marker-start", "marker-mid",
            "marker-end", "style");

    private SvgSanitizer() {
    }

    /** The safe SVG and what was taken out of it. */
    public record Result(String svg, List<String> removed) {
    }

    /** Sanitises {@code bytes}; throws IllegalArgumentException saying why a file is not a usable SVG at all. */
    public static Result sanitize(byte[] bytes) {
        Document doc = parse(bytes);
        Element root = doc.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
            throw new IllegalArgumentException("not an SVG image: its root element is <" + root.getNodeName() + ">");
        }
        List<String> removed = new ArrayList<>();
        clean(root, removed);
        return new Result(write(doc), removed);
    }

    private static void clean(Element element, List<String> removed) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Attr attr = (Attr) attributes.item(i);
            String name = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
            String value = attr.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
            boolean external = name.equals("href") && !attr.getValue().startsWith("#");
            boolean handler = name.toLowerCase(Locale.ROOT).startsWith("on");
            boolean outsideUrl = REFERENCING.contains(name) && value.contains("url(") && !value.matches(".*url\\(['\"]?#[^)]*\\).*")
                    || value.contains("javascript:") || value.contains("expression(") || value.contains("@import");
            if (external || handler || outsideUrl) {
                removed.add("attribute " + attr.getName() + " of <" + element.getLocalName() + ">");
                element.removeAttributeNode(attr);
            }
        }
        Node child = element.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child instanceof Element e) {
                String local = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
                if (!SVG_NS.equals(e.getNamespaceURI()) || !ELEMENTS.contains(local.toLowerCase(Locale.ROOT))) {
                    removed.add("element <" + local + ">");
                    element.removeChild(e);
                } else {
                    clean(e, removed);
                }
            } else if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE || child.getNodeType() == Node.ENTITY_REFERENCE_NODE) {
                removed.add("processing instruction");
                element.removeChild(child);
            }
            child = next;
        }
    }

    private static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (org.xml.sax.SAXException e) {
            String why = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(why.contains("DOCTYPE") ? "an SVG with a DOCTYPE is refused (entities can reach outside the file); "
                    + "save it without one" : "not well-formed XML: " + why);
        } catch (java.io.IOException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the SVG parser failed", e);
        }
    }

    private static String write(Document doc) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = factory.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("the SVG failed to serialise", e);
        }
    }
}
