// Deletes JetStream streams (the benchmark's own, H_SCALE2_…): java -cp <classpath> bench/scale/DeleteStream.java URL
// NAME...
import io.nats.client.Connection;
import io.nats.client.Nats;

public class DeleteStream {
    public static void main(String[] args) throws Exception {
        try (Connection c = Nats.connect(args[0])) {
            for (int i = 1; i < args.length; i++) {
                try {
                    c.jetStreamManagement().deleteStream(args[i]);
                } catch (Exception e) {
                    // not there
                }
            }
        }
    }
}
