using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kangfu.Web.Modules.Surveys;

internal sealed class IntakeConfiguration : IEntityTypeConfiguration<Intake>
{
    public void Configure(EntityTypeBuilder<Intake> b)
    {
        b.ToTable("surveys_intakes");
        b.HasKey(i => new { i.DistrictCode, i.Id });
        b.Property(i => i.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(i => i.AreaCode).HasMaxLength(12).IsFixedLength();
        b.Property(i => i.CreatedBy).HasMaxLength(450);
        b.Property(i => i.Name).HasMaxLength(50);
        b.Property(i => i.Phone).HasMaxLength(100).HasConversion(Platform.Privacy.FieldProtection.NullableConverter);
        b.Property(i => i.GuardianName).HasMaxLength(50);
        b.Property(i => i.CertificateNumber).HasMaxLength(100).HasConversion(Platform.Privacy.FieldProtection.NullableConverter);
        // One form per person per year.
        b.HasIndex(i => new { i.DistrictCode, i.PersonId, i.Year }).IsUnique();
        b.HasIndex(i => new { i.DistrictCode, i.AreaCode, i.Year });
        b.HasOne<Registry.Person>().WithMany().HasForeignKey(i => new { i.DistrictCode, i.PersonId });
        b.HasMany(i => i.Needs).WithOne().HasForeignKey(n => new { n.DistrictCode, n.IntakeId });
    }
}

internal sealed class IntakeNeedConfiguration : IEntityTypeConfiguration<IntakeNeed>
{
    public void Configure(EntityTypeBuilder<IntakeNeed> b)
    {
        b.ToTable("surveys_intake_needs");
        b.HasKey(n => new { n.DistrictCode, n.Id });
        b.Property(n => n.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.HasIndex(n => new { n.DistrictCode, n.IntakeId, n.ServiceItemId }).IsUnique();
    }
}

internal sealed class SurveyCampaignConfiguration : IEntityTypeConfiguration<SurveyCampaign>
{
    public void Configure(EntityTypeBuilder<SurveyCampaign> b)
    {
        b.ToTable("surveys_campaigns");
        b.HasKey(c => new { c.DistrictCode, c.Id });
        b.Property(c => c.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(c => c.AreaCode).HasMaxLength(12).IsFixedLength();
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasIndex(c => new { c.DistrictCode, c.Year, c.AreaCode }).IsUnique();
    }
}
