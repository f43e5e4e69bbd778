using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kangfu.Web.Modules.Referrals;

internal sealed class RehabCaseConfiguration : IEntityTypeConfiguration<RehabCase>
{
    public void Configure(EntityTypeBuilder<RehabCase> b)
    {
        b.ToTable("referrals_cases");
        b.HasKey(c => new { c.DistrictCode, c.Id });
        b.Property(c => c.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(c => c.AreaCode).HasMaxLength(12).IsFixedLength();
        b.Property(c => c.ServiceItemCode).HasMaxLength(20);
        b.Property(c => c.ServiceItemName).HasMaxLength(100);
        b.Property(c => c.Note).HasMaxLength(1000);
        b.Property(c => c.FittingScheme).HasMaxLength(20);
        b.Property(c => c.DeviceCodes).HasMaxLength(1000);
        b.Ignore(c => c.IsFinal);
        b.HasIndex(c => new { c.DistrictCode, c.State, c.Kind });
        b.HasIndex(c => new { c.DistrictCode, c.PersonId, c.Year });
        b.HasIndex(c => new { c.DistrictCode, c.InstitutionId, c.State });
        b.HasOne<Registry.Person>().WithMany().HasForeignKey(c => new { c.DistrictCode, c.PersonId });
    }
}

internal sealed class CaseTransitionConfiguration : IEntityTypeConfiguration<CaseTransition>
{
    public void Configure(EntityTypeBuilder<CaseTransition> b)
    {
        b.ToTable("referrals_case_transitions");
        b.HasKey(t => new { t.DistrictCode, t.Id });
        b.Property(t => t.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(t => t.UserId).HasMaxLength(450);
        b.Property(t => t.UserName).HasMaxLength(50);
        b.Property(t => t.UserAreaCode).HasMaxLength(12);
        b.Property(t => t.Comment).HasMaxLength(1000);
        b.HasIndex(t => new { t.DistrictCode, t.CaseId, t.At });
        b.HasOne<RehabCase>().WithMany().HasForeignKey(t => new { t.DistrictCode, t.CaseId });
    }
}

internal sealed class CaseSignatureConfiguration : IEntityTypeConfiguration<CaseSignature>
{
    public void Configure(EntityTypeBuilder<CaseSignature> b)
    {
        b.ToTable("referrals_case_signatures");
        b.HasKey(s => new { s.DistrictCode, s.Id });
        b.Property(s => s.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.HasIndex(s => new { s.DistrictCode, s.CaseId });
        b.HasOne<RehabCase>().WithMany().HasForeignKey(s => new { s.DistrictCode, s.CaseId });
        b.HasOne<CaseTransition>().WithMany().HasForeignKey(s => new { s.DistrictCode, s.TransitionId });
    }
}
