using Hub.Domain.CareTeams;
using Hub.Domain.Contacts;
using Hub.Domain.Directory;
using Hub.Domain.People;
using Hub.Domain.Spells;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Infrastructure.Persistence.Configurations;

internal sealed class CareTeamMemberConfiguration : IEntityTypeConfiguration<CareTeamMember>
{
    public void Configure(EntityTypeBuilder<CareTeamMember> builder)
    {
        builder.ToTable("CareTeamMembers");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Ignore(m => m.IsCurrent);
        builder.HasOne<ReferralSpell>().WithMany().HasForeignKey(m => m.SpellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TeamMember>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
        // Caseloads: a member's current work.
        builder.HasIndex(m => new { m.MemberId, m.LeftAt });
        // Figures for a team: whether a spell's care team, now or before, included one of its members.
        builder.HasIndex(m => new { m.SpellId, m.MemberId }, "IX_CareTeamMembers_SpellMember");
        // The filtered unique indexes (one lead, each member once) are in HubDbContext: they quote per provider.
    }
}

internal sealed class HandoffConfiguration : IEntityTypeConfiguration<Handoff>
{
    public void Configure(EntityTypeBuilder<Handoff> builder)
    {
        builder.ToTable("Handoffs");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Ignore(h => h.IsPending);
        builder.Property(h => h.Note).HasMaxLength(Handoff.NoteMaxLength);
        builder.Property(h => h.DeclineReason).HasMaxLength(Handoff.NoteMaxLength);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasOne<ReferralSpell>().WithMany().HasForeignKey(h => h.SpellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TeamMember>().WithMany().HasForeignKey(h => h.ToMemberId).OnDelete(DeleteBehavior.Restrict);
        // "Waiting for me" and "waiting for acceptance".
        builder.HasIndex(h => new { h.ToMemberId, h.Status });
        builder.HasIndex(h => new { h.Status, h.ResolvedAt, h.CreatedAt });
        builder.HasIndex(h => h.SpellId);
    }
}

internal sealed class NetworkMeetingConfiguration : IEntityTypeConfiguration<NetworkMeeting>
{
    public void Configure(EntityTypeBuilder<NetworkMeeting> builder)
    {
        builder.ToTable("NetworkMeetings");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.StaffInvitees).HasJsonConversion().HasMaxLength(4000);
        builder.Property(m => m.NetworkInvitees).HasJsonConversion().HasMaxLength(8000);
        builder.Property(m => m.Purpose).HasMaxLength(4000);
        builder.HasOne<ReferralSpell>().WithMany().HasForeignKey(m => m.SpellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.SpellId, m.At });
        builder.Property(m => m.Status).IsConcurrencyToken(); // one meeting recorded twice at once: the second save is refused
    }
}

internal sealed class CommunityLinkConfiguration : IEntityTypeConfiguration<CommunityLink>
{
    public void Configure(EntityTypeBuilder<CommunityLink> builder)
    {
        builder.ToTable("CommunityLinks");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Note).HasMaxLength(2000);
        builder.HasOne<ReferralSpell>().WithMany().HasForeignKey(l => l.SpellId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Hub.Domain.CommunityOffers.CommunityOffer>().WithMany().HasForeignKey(l => l.OfferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.SpellId, l.OfferId }).IsUnique();
    }
}
