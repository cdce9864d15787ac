using Hub.Domain.People;
using Hub.Domain.Spells;
using Hub.Domain.SupportPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Infrastructure.Persistence.Configurations;

internal sealed class SupportPlanConfiguration : IEntityTypeConfiguration<SupportPlan>
{
    public void Configure(EntityTypeBuilder<SupportPlan> builder)
    {
        builder.ToTable("SupportPlans");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Content).HasJsonConversion();
        builder.Property(p => p.Token).IsConcurrencyToken();
        // The reminder job looks for plans with a review date coming up.
        builder.HasIndex(p => p.ReviewOn);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReferralSpell>().WithMany().HasForeignKey(p => p.SpellId).OnDelete(DeleteBehavior.Restrict);
        // One plan per spell; a later spell's plan starts from the last one.
        builder.HasIndex(p => p.SpellId).IsUnique();
        builder.HasIndex(p => p.PersonId);
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> builder)
    {
        builder.ToTable("PlanVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Content).HasJsonConversion();
        builder.HasOne<SupportPlan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
    }
}

internal sealed class PlanSuggestionConfiguration : IEntityTypeConfiguration<PlanSuggestion>
{
    public void Configure(EntityTypeBuilder<PlanSuggestion> builder)
    {
        builder.ToTable("PlanSuggestions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Text).HasMaxLength(PlanSuggestion.TextMaxLength);
        builder.Property(s => s.Extra).HasMaxLength(Hub.Domain.CommunityOffers.CommunityOffer.NameMaxLength); // a number, or a group's name
        builder.Ignore(s => s.IsWaiting);
        builder.HasOne<SupportPlan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PlanId, s.Status });
        builder.Property(s => s.Status).IsConcurrencyToken(); // two answers to one suggestion at once: the second save is refused
    }
}

internal sealed class PlanAccessLinkConfiguration : IEntityTypeConfiguration<PlanAccessLink>
{
    public void Configure(EntityTypeBuilder<PlanAccessLink> builder)
    {
        builder.ToTable("PlanAccessLinks");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.PersonId);
        builder.Property(l => l.Handle).HasMaxLength(PrintedCode.HandleLength);
        // Two exchanges of one link (or two wrong tries of one code) at once: the second save is refused.
        builder.Property(l => l.UsedAt).IsConcurrencyToken();
        builder.Property(l => l.FailedTries).IsConcurrencyToken();
        builder.HasIndex(l => l.Handle).IsUnique(); // nulls (links) never clash; SQL Server filters them out by convention
    }
}

internal sealed class PlanLinkRequestConfiguration : IEntityTypeConfiguration<PlanLinkRequest>
{
    public void Configure(EntityTypeBuilder<PlanLinkRequest> builder)
    {
        builder.ToTable("PlanLinkRequests");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Address).HasMaxLength(254);
        builder.Property(r => r.AddressKey).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.ClientKey).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(r => new { r.AddressKey, r.RequestedAt });
        builder.HasIndex(r => new { r.ClientKey, r.RequestedAt });
        builder.HasIndex(r => r.ProcessedAt);
        builder.Property(r => r.ProcessedAt).IsConcurrencyToken(); // two workers never both answer one request
    }
}

internal sealed class PersonRefusalTallyConfiguration : IEntityTypeConfiguration<PersonRefusalTally>
{
    public void Configure(EntityTypeBuilder<PersonRefusalTally> builder)
    {
        builder.ToTable("PersonRefusalTallies");
        builder.HasKey(t => new { t.Kind, t.Hour });
        builder.Property(t => t.Kind).HasMaxLength(60);
    }
}

internal sealed class PersonSessionConfiguration : IEntityTypeConfiguration<PersonSession>
{
    public void Configure(EntityTypeBuilder<PersonSession> builder)
    {
        builder.ToTable("PersonSessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlanAccessLink>().WithMany().HasForeignKey(s => s.LinkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PersonId, s.EndedAt });
    }
}

internal sealed class MoodCheckInConfiguration : IEntityTypeConfiguration<MoodCheckIn>
{
    public void Configure(EntityTypeBuilder<MoodCheckIn> builder)
    {
        builder.ToTable("MoodCheckIns");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Words).HasMaxLength(MoodCheckIn.WordsMaxLength);
        builder.HasOne<SupportPlan>().WithMany().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.PlanId, m.At });
    }
}

internal sealed class SharedNoteConfiguration : IEntityTypeConfiguration<SharedNote>
{
    public void Configure(EntityTypeBuilder<SharedNote> builder)
    {
        builder.ToTable("SharedNotes");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Text).HasMaxLength(SharedNote.TextMaxLength);
        builder.HasOne<SupportPlan>().WithMany().HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.PlanId, n.At });
    }
}
