namespace Dua.Testing.Requests;

/// <summary>What is wrong with a fuzzed request, which decides the status it must get.</summary>
public enum RequestDefect
{
    /// <summary>A well-formed message of the method's request type (possibly compressed), with random field values.</summary>
    None,

    /// <summary>A well-formed frame whose bytes do not decode as the method's request type.</summary>
    Undecodable,

    /// <summary>The gRPC framing itself is broken: flag byte, compression, length, number of messages.</summary>
    BrokenFrame,

    /// <summary>A message over the platform's size limit.</summary>
    Oversized,
}
