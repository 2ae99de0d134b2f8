using System.Collections.Frozen;
using System.IO.Hashing;
using System.Text;

namespace Dua.Placement;

/// <summary>
/// A consistent-hash ring that names the member owning each county. Whoever builds it from the same members (by
/// their endpoints) gets the same owners without talking: Orleans' placement on every silo, and the gateway, which
/// so sends a county's calls to the silo where the county's grains live. When a member joins or leaves, only the
/// counties on the arcs it gains or loses (about 1/n of them) change owner.
/// </summary>
/// <remarks>
/// Points are 64-bit xxHash values of "endpoint#n", stable across processes and runs, unlike
/// <see cref="string.GetHashCode()"/>. A member's points hash its endpoint only, so a silo restarted at the same
/// address gets its counties back. Each member has many points (virtual nodes) so that its share is close to 1/n.
/// </remarks>
public sealed class CountyRing<TMember>
    where TMember : notnull
{
    public const int DefaultVirtualNodesPerMember = 128;

    private readonly ulong[] _points;
    private readonly TMember[] _owners;
    private readonly FrozenSet<TMember> _members;

    /// <param name="members">The members; at least one.</param>
    /// <param name="endpointOf">A member's endpoint as "address:port" (an IPv6 address in brackets).</param>
    /// <param name="tieBreak">Orders two members whose points are equal (two generations of one endpoint), so that
    /// owners do not depend on the order the members were listed in.</param>
    public CountyRing(IEnumerable<TMember> members, Func<TMember, string> endpointOf, IComparer<TMember> tieBreak, int virtualNodesPerMember = DefaultVirtualNodesPerMember)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(endpointOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualNodesPerMember, 1);
        _members = members.ToFrozenSet();
        if (_members.Count == 0)
        {
            throw new ArgumentException("A ring needs at least one member.", nameof(members));
        }

        var nodes = _members
            .SelectMany(member => Enumerable.Range(0, virtualNodesPerMember).Select(i => (Point: Hash($"{endpointOf(member)}#{i}"), Member: member)))
            .OrderBy(node => node.Point)
            .ThenBy(node => node.Member, tieBreak)
            .ToArray();
        _points = [.. nodes.Select(node => node.Point)];
        _owners = [.. nodes.Select(node => node.Member)];
    }

    /// <summary>The members this ring was built from.</summary>
    public IReadOnlySet<TMember> Members => _members;

    /// <summary>The member owning a county: the first point at or after the county's hash, going round the ring.</summary>
    public TMember OwnerOf(string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        var index = Array.BinarySearch(_points, Hash(regionCode));
        if (index < 0)
        {
            index = ~index;
        }

        return _owners[index == _points.Length ? 0 : index];
    }

    /// <summary>Whether this ring was built from exactly these members (in any order).</summary>
    public bool IsFor(IReadOnlyCollection<TMember> members) => members.Count == _members.Count && members.All(_members.Contains);

    private static ulong Hash(string text) => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(text));
}
