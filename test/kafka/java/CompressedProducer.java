// Kafka's Java producer writing compressed batches, for test/kafka/compressed-batches.test.ts:
//   java -cp "$(scripts/local-kafka.sh classpath)" test/kafka/java/CompressedProducer.java BROKERS TOPIC CODEC COUNT
// Records: key CODEC-java-i, value {"CODEC":"CODEC-java","N":i,"TEXT":"..."}; linger lets many
// records share a batch, so batches hold several records as in the field.
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

public class CompressedProducer {
  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", args[0]);
    p.put("compression.type", args[2]);
    p.put("linger.ms", "20");
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    String source = args[2] + "-java";
    int count = Integer.parseInt(args[3]);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      for (int i = 0; i < count; i++) {
        String value = "{\"CODEC\":\"" + source + "\",\"N\":" + i + ",\"TEXT\":\"reading " + i + " of sensor " + (i % 7) + " reading reading\"}";
        producer.send(new ProducerRecord<>(args[1], source + "-" + i, value));
      }
      producer.flush();
    }
  }
}
