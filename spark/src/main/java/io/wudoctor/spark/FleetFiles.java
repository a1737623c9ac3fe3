package io.wudoctor.spark;

import io.wudoctor.fleet.SourceWalk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The job's input files: every bundle and facts file under the INPUT paths, folders walked to any
 * depth, names starting with '.' or '_' passed over (Hadoop's hidden files, such as _SUCCESS), in
 * name order. Listed on the driver by the Hadoop file system of each path (file:, hdfs:, s3a: ...).
 */
final class FleetFiles {

    private FleetFiles() {
    }

    static List<String> list(Configuration conf, List<String> inputs) throws IOException {
        List<String> files = new ArrayList<>();
        for (String input : inputs) {
            Path path = new Path(input);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus status = fs.getFileStatus(path); // a missing INPUT stops the job: it is a typo, not a machine
            if (status.isFile()) {
                files.add(status.getPath().toString());
                continue;
            }
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
            while (it.hasNext()) {
                Path file = it.next().getPath();
                if (!hidden(path, file) && SourceWalk.isSourceFile(file.getName())) {
                    files.add(file.toString());
                }
            }
        }
        files.sort(null);
        return files;
    }

    /** True when the file or a folder between it and the input is hidden. */
    private static boolean hidden(Path input, Path file) {
        for (Path p = file; p != null && p.depth() > input.depth(); p = p.getParent()) {
            if (p.getName().startsWith(".") || p.getName().startsWith("_")) {
                return true;
            }
        }
        return false;
    }
}
