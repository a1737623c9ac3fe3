package io.wudoctor.internal.yaml;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds where a field path (incident.surface, paths[0].exists) stands in a YAML text, using
 * SnakeYAML's node marks. Jackson's own YAML locations point at the read position, which is
 * often the line after the problem; a person needs the key itself, or for a missing field
 * the mapping that lacks it.
 */
final class YamlLocator {

    /** A 1-based line and column. */
    record Position(int line, int column) {
    }

    private YamlLocator() {
    }

    static Position locate(String yaml, List<JsonMappingException.Reference> path) {
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml));
        } catch (RuntimeException e) {
            return null;
        }
        Mark best = node == null ? null : node.getStartMark();
        for (JsonMappingException.Reference ref : path) {
            Node next = null;
            Mark keyMark = null;
            if (ref.getFieldName() != null && node instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(ref.getFieldName())) {
                        next = t.getValueNode();
                        keyMark = k.getStartMark();
                    }
                }
            } else if (ref.getIndex() >= 0 && node instanceof SequenceNode seq && ref.getIndex() < seq.getValue().size()) {
                next = seq.getValue().get(ref.getIndex());
                keyMark = next.getStartMark();
            }
            if (next == null) {
                break;
            }
            node = next;
            best = keyMark;
        }
        return best == null ? null : new Position(best.getLine() + 1, best.getColumn() + 1);
    }
}
