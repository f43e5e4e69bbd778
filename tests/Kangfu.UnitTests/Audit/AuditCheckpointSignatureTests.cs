using System.Security.Cryptography;
using Kangfu.Web.Modules.Audit;

namespace Kangfu.UnitTests.Audit;

public sealed class AuditCheckpointSignatureTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    private static AuditCheckpoint Signed()
    {
        var c = new AuditCheckpoint
        {
            DistrictCode = "120116",
            Id = Guid.CreateVersion7(),
            Chain = 3,
            FirstSequence = 10,
            LastSequence = 14,
            Count = 5,
            PrevHash = new string('a', 64),
            LastHash = new string('b', 64),
            PurgedAt = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc),
        };
        c.Signature = AuditCheckpointSignature.Compute(c, Key);
        return c;
    }

    [Fact]
    public void A_signed_checkpoint_is_valid_under_its_key_only()
    {
        var c = Signed();
        Assert.True(AuditCheckpointSignature.IsValid(c, Key));
        Assert.False(AuditCheckpointSignature.IsValid(c, RandomNumberGenerator.GetBytes(32)));
    }

    [Theory]
    [InlineData("district")]
    [InlineData("id")]
    [InlineData("chain")]
    [InlineData("first")]
    [InlineData("last")]
    [InlineData("count")]
    [InlineData("prev")]
    [InlineData("hash")]
    [InlineData("time")]
    [InlineData("signature")]
    [InlineData("empty-signature")]
    public void Changing_any_field_breaks_the_signature(string field)
    {
        var c = Signed();
        switch (field)
        {
            case "district": c.DistrictCode = "120117"; break;
            case "id": c.Id = Guid.CreateVersion7(); break;
            case "chain": c.Chain = 4; break;
            case "first": c.FirstSequence = 9; break;
            case "last": c.LastSequence = 15; break;
            case "count": c.Count = 6; break;
            case "prev": c.PrevHash = new string('c', 64); break;
            case "hash": c.LastHash = new string('c', 64); break;
            case "time": c.PurgedAt = c.PurgedAt.AddTicks(10); break;
            case "signature": c.Signature = new string('0', 64); break;
            default: c.Signature = ""; break;
        }
        Assert.False(AuditCheckpointSignature.IsValid(c, Key));
    }

    [Fact]
    public void Advisory_lock_keys_are_stable_and_differ_per_district_and_chain()
    {
        var keys = new[] { "120116", "120117", "" }.SelectMany(d => Enumerable.Range(0, AuditChain.Chains).Select(c => AuditChainAppend.Key(d, c))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(AuditChainAppend.Key("120116", 1), AuditChainAppend.Key("120116", 1));
    }
}
