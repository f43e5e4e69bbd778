using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kangfu.Web.Modules.Audit;

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> b)
    {
        b.ToTable("audit_checkpoints");
        b.HasKey(c => new { c.DistrictCode, c.Id });
        b.Property(c => c.DistrictCode).HasMaxLength(6);
        b.Property(c => c.PrevHash).HasMaxLength(64);
        b.Property(c => c.LastHash).HasMaxLength(64);
        b.Property(c => c.Signature).HasMaxLength(64);
        // One checkpoint per removed range: a second purge of the same rows cannot add another.
        b.HasIndex(c => new { c.DistrictCode, c.Chain, c.FirstSequence }).IsUnique();
    }
}
