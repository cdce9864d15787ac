using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Infrastructure.Persistence.Configurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("Referrals");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reference).HasMaxLength(9).IsRequired();
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.HasIndex(r => r.FormToken).IsUnique();
        builder.Property(r => r.WhatIsHappening).HasMaxLength(8000);
        builder.Property(r => r.WhatWouldHelp).HasMaxLength(8000);
        builder.Property(r => r.OutcomeNote).HasMaxLength(4000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReferralSpell>().WithMany().HasForeignKey(r => r.SpellId).OnDelete(DeleteBehavior.Restrict);

        builder.Ignore(r => r.IsClosed);

        // The triage queue: waiting referrals, oldest first, keyset by (ReceivedAt, Reference).
        builder.HasIndex(r => new { r.Status, r.ReceivedAt, r.Reference });
        builder.HasIndex(r => new { r.PersonId, r.ReceivedAt });
        builder.HasIndex(r => r.SpellId);
        // Figures for a period: referrals received in it.
        builder.HasIndex(r => r.ReceivedAt);
    }
}

internal sealed class ReferralSpellConfiguration : IEntityTypeConfiguration<ReferralSpell>
{
    public void Configure(EntityTypeBuilder<ReferralSpell> builder)
    {
        builder.ToTable("ReferralSpells");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.IsOpen);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.ClosureNote).HasMaxLength(2000);
        builder.HasOne<ReferralSpell>().WithMany().HasForeignKey(s => s.PreviousSpellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PersonId, s.StartedAt });
        // The four-week waiting list: open spells, oldest first.
        builder.HasIndex(s => new { s.EndedAt, s.StartedAt });
        // Figures for a period: waits that ended in it. (Running clocks: a filtered index in HubDbContext.)
        builder.HasIndex(s => s.ClockStoppedAt);
    }
}

internal sealed class CareStartConfiguration : IEntityTypeConfiguration<CareStart>
{
    public void Configure(EntityTypeBuilder<CareStart> builder)
    {
        builder.ToTable("CareStarts");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Note).HasMaxLength(CareStart.MaxNoteLength);
        builder.HasOne<ReferralSpell>().WithMany().HasForeignKey(c => c.SpellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SpellId, c.On });
    }
}

internal sealed class PossibleMatchConfiguration : IEntityTypeConfiguration<PossibleMatch>
{
    public void Configure(EntityTypeBuilder<PossibleMatch> builder)
    {
        builder.ToTable("PossibleMatches");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<Referral>().WithMany().HasForeignKey(m => m.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.CandidatePersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ReferralId, m.Decision });
        builder.Property(m => m.Decision).IsConcurrencyToken(); // two decisions on one match at once: the second save is refused
    }
}

internal sealed class TriagePickUpConfiguration : IEntityTypeConfiguration<Hub.Domain.Triage.TriagePickUp>
{
    public void Configure(EntityTypeBuilder<Hub.Domain.Triage.TriagePickUp> builder)
    {
        builder.ToTable("TriagePickUps");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Referral>().WithMany().HasForeignKey(p => p.ReferralId).OnDelete(DeleteBehavior.Cascade);
        // One pick-up per referral: two people picking up at once, the second insert is refused.
        builder.HasIndex(p => p.ReferralId).IsUnique();
        // "Picked up by": the queue filtered to one member's pick-ups.
        builder.HasIndex(p => p.PickedUpByUserId);
    }
}
