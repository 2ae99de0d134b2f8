using Dua.LoadTest.Client;
using Dua.LoadTest.CommandLine;
using Dua.LoadTest.Planning;

namespace Dua.LoadTest.Phases;

/// <summary>What every phase of a run shares: the options, the plan, the connections and the agreements seeded.</summary>
public sealed class RunContext(RunOptions options, DataSetPlan plan, PlatformChannels channels, TextWriter log, CancellationToken cancellation)
{
    /// <summary>How long a write is retried while the platform answers UNAVAILABLE (starting up, or failing over).</summary>
    public static readonly TimeSpan RetryWritesFor = TimeSpan.FromSeconds(60);

    public RunOptions Options { get; } = options;

    public DataSetPlan Plan { get; } = plan;

    public PlatformChannels Channels { get; } = channels;

    public TextWriter Log { get; } = log;

    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>For building the data set: every write has a fixed request id, so retrying is safe.</summary>
    public CallRunner Seeding { get; } = new(options.Timeout, RetryWritesFor);

    /// <summary>The agreements by plan key, once the seed phase (or a phase that needs them) has resolved them.</summary>
    public IReadOnlyDictionary<string, SeededAgreement>? Agreements { get; set; }
}
