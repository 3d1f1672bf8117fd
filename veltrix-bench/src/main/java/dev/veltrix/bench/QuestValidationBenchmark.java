package dev.veltrix.bench;

import dev.veltrix.progression.quests.ContentFormat;
import dev.veltrix.progression.quests.ContentProblem;
import dev.veltrix.progression.quests.ContentValidator;
import dev.veltrix.progression.quests.QuestContent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Checking a network's whole quest content, 10,000 templates in 55,000 nodes ({@link QuestContentSynth}): the
 * validation alone (what an editor's save runs), and reading the YAML file then validating (an import).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5)
@Measurement(iterations = 10)
public class QuestValidationBenchmark {
    private QuestContent content;
    private String yaml;
    private ContentValidator validator;

    @Setup(Level.Trial)
    public void build() {
        content = QuestContentSynth.build(10_000, 7);
        yaml = ContentFormat.yaml(content);
        validator = new ContentValidator(Set.of("coins")::contains);
        if (!ContentFormat.read(yaml).problems().isEmpty()) {
            throw new IllegalStateException("the synthetic content should read back: " + ContentFormat.read(yaml).problems());
        }
        List<ContentProblem> problems = validator.validate(content);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the synthetic content should be sound: " + problems.subList(0, Math.min(5, problems.size())));
        }
    }

    @Benchmark
    public List<ContentProblem> validate() {
        return validator.validate(content);
    }

    @Benchmark
    public List<ContentProblem> readAndValidate() {
        ContentFormat.Read read = ContentFormat.read(yaml);
        return validator.validate(read.content());
    }
}
