// RenewalFlow's life: sign-in, the three lookups, review and back, sign-out. The choices are in
// renewal_flow_choices.cpp; the order itself, its journal and its outcome in renewal_flow_order.cpp.
#include "core/renewal_flow.h"

#include "core/order_reference.h"

#include "core/order_body.h"
#include "core/partner_api.h"
#include "core/text.h"

namespace rd {
namespace {

// A lookup's reply: its value, or the error that leaves it failed.
template <class T> void finish_lookup(Lookup<T>& lookup, Result<T> result) {
    if (!result) {
        lookup.status = LookupStatus::failed;
        lookup.error = result.error();
        return;
    }
    lookup.status = LookupStatus::loaded;
    lookup.value = std::move(result.value());
    lookup.error.reset();
}

} // namespace

const char* stage_name(Stage stage) {
    switch (stage) {
    case Stage::signed_out: return "signed_out";
    case Stage::signing_in: return "signing_in";
    case Stage::choosing: return "choosing";
    case Stage::reviewing: return "reviewing";
    case Stage::submitting: return "submitting";
    case Stage::done: return "done";
    case Stage::failed: return "failed";
    case Stage::outcome_unknown: return "outcome_unknown";
    }
    return "unknown";
}

const char* lookup_status_name(LookupStatus status) {
    switch (status) {
    case LookupStatus::idle: return "idle";
    case LookupStatus::loading: return "loading";
    case LookupStatus::loaded: return "loaded";
    case LookupStatus::failed: return "failed";
    }
    return "idle";
}

RenewalFlow::RenewalFlow(ApiClient& client, JournalStore* journal)
    : client_(client), journal_(journal ? *journal : memory_journal_), reconciler_(client) {
    if (auto text = journal_.load()) {
        journal_entry_ = journal_from_json(*text);
        // Unreadable: nothing in it could be reconciled; cleared only when no live copy holds it.
        if (!journal_entry_ && !journal_.claim()) {
            journal_.clear();
            journal_.release();
        }
        // Shown with the pending order until its owner is gone (tick() asks again).
        if (journal_entry_) busy_holder_ = journal_.claim();
        if (journal_entry_ && !busy_holder_) journal_.release(); // taken again when it is adopted
    }
}

void RenewalFlow::sign_in(const std::string& base_url, std::string client_id, std::string client_secret) {
    if (stage_ != Stage::signed_out) return;
    error_.reset();
    if (client_id.empty() || client_secret.empty()) {
        error_ = ApiError{.kind = ErrorKind::input,
                          .detail = {.kind = client_id.empty() ? DetailKind::enter_client_id
                                                               : DetailKind::enter_client_secret}};
        return;
    }
    client_.set_base_url(base_url);
    stage_ = Stage::signing_in;
    std::uint64_t epoch = epoch_;
    client_.sign_in(std::move(client_id), std::move(client_secret), [this, epoch](Result<Done> result) {
        if (epoch != epoch_) return;
        if (!result) {
            stage_ = Stage::signed_out;
            error_ = result.error();
            return;
        }
        // This account's journal is adopted only once it is ours: while another live copy holds
        // it, the flow stays here and tick() asks again.
        if (journal_is_this_accounts() && !claim_journal(false)) {
            waiting_to_adopt_ = true;
            return;
        }
        after_sign_in();
    });
}

void RenewalFlow::after_sign_in() {
    if (journal_is_this_accounts()) {
        resume_journaled_order();
        return;
    }
    stage_ = Stage::choosing;
    start_lookups();
}

void RenewalFlow::sign_out() {
    ++epoch_;
    waiting_to_adopt_ = false;
    client_.sign_out();
    users_ = {};
    plans_ = {};
    contacts_ = {};
    reset_choices();
    orders_sent_ = 0;
    finished_elsewhere_.reset();
    stage_ = Stage::signed_out;
}

void RenewalFlow::start_lookups() {
    load_users();
    load_plans();
    load_contacts();
}

void RenewalFlow::retry_lookup(LookupKind kind) {
    if (stage_ != Stage::choosing) return;
    switch (kind) {
    // A list may be read again when it failed, or when some of its entries could not be read.
    case LookupKind::users:
        if (users_.status == LookupStatus::failed || !users_.skipped.empty()) load_users();
        break;
    case LookupKind::plans:
        if (plans_.status == LookupStatus::failed) load_plans();
        break;
    case LookupKind::contacts:
        if (contacts_.status == LookupStatus::failed || !contacts_.skipped.empty()) load_contacts();
        break;
    }
}

void RenewalFlow::load_users() {
    users_ = {.status = LookupStatus::loading};
    std::uint64_t epoch = epoch_;
    fetch_subordinate_users(client_,
                            [this, epoch](Result<SubordinateUsersReply> reply, SkippedEntries skipped) {
                                if (epoch != epoch_) return;
                                users_.skipped = std::move(skipped);
                                using Users = decltype(users_.value);
                                finish_lookup(users_, reply ? Result<Users>(std::move(reply.value().users))
                                                            : Result<Users>(reply.error()));
                            });
}

void RenewalFlow::load_plans() {
    plans_ = {.status = LookupStatus::loading};
    std::uint64_t epoch = epoch_;
    fetch_plans(client_, [this, epoch](Result<PlanCatalog> plans) {
        if (epoch != epoch_) return;
        finish_lookup(plans_, std::move(plans));
        preselect();
    });
}

void RenewalFlow::load_contacts() {
    contacts_ = {.status = LookupStatus::loading};
    std::uint64_t epoch = epoch_;
    fetch_billing_contacts(
        client_, [this, epoch](Result<std::vector<BillingContact>> contacts, SkippedEntries skipped) {
            if (epoch != epoch_) return;
            contacts_.skipped = std::move(skipped);
            finish_lookup(contacts_, std::move(contacts));
            preselect();
        });
}

void RenewalFlow::review() {
    if (stage_ != Stage::choosing || missing_choice()) return;
    order_ = RenewalOrder{
        .partner_id =
            selection_.target->empty() ? std::nullopt : std::optional<std::string>(*selection_.target),
        .billing_id = *selection_.billing_id,
        .plan_id = *selection_.plan_id,
        .po_number = generated_reference_ = new_order_reference(random_), // every order carries a reference
    };
    order_body_ = renewal_order_body(order_);
    error_.reset();
    stage_ = Stage::reviewing;
}

void RenewalFlow::set_po_number(const std::string& text) {
    if (stage_ != Stage::reviewing) return;
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    order_.po_number =
        first == std::string::npos ? generated_reference_ : text.substr(first, last - first + 1);
    order_body_ = renewal_order_body(order_);
}

void RenewalFlow::back_to_choosing() {
    if (stage_ == Stage::reviewing || stage_ == Stage::failed) stage_ = Stage::choosing;
}

void RenewalFlow::renew_another() {
    if (stage_ == Stage::outcome_unknown) {
        // Only once the order list has answered for good: a new order must not replace an unresolved one.
        if (!outcome_settled()) return;
    } else if (stage_ != Stage::done && stage_ != Stage::failed) {
        return;
    }
    reset_choices();
    stage_ = Stage::choosing;
    if (users_.status == LookupStatus::idle) start_lookups();
}

} // namespace rd
