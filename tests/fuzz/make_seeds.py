#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/corpus/ from the sandbox's fixtures, tests/fixtures and the
API document's and tutorial's samples. Run once after changing a target's input format:
    python3 tests/fuzz/make_seeds.py
The seeds are small and kept in git; what the fuzzer finds later stays in build/fuzz/corpus/."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(HERE, "corpus")


def load(*parts):
    with open(os.path.join(TOP, *parts), encoding="utf-8") as f:
        return json.load(f)


def envelope(result, code="success", status=200, detail=""):
    return {"code": code, "detailMessage": detail, "requestId": "c082da4285b4bc4118c0db63d5d74f45",
            "result": result, "status": status}


def text(doc, indent=None):
    return json.dumps(doc, ensure_ascii=False, indent=indent)


def reply(doc, status=None):
    """A core target's input: an optional "<status>\\n" line, then the body."""
    body = doc if isinstance(doc, str) else text(doc)
    return (f"{status}\n" if status is not None else "") + body


seeds = {}


def seed(target, name, data):
    seeds.setdefault(target, {})[name] = data.encode("utf-8") if isinstance(data, str) else data


# The tutorial's sample response and the API document's examples (partner-openapi.md §2, §4, §10).
tutorial_receipt = load("tests", "fixtures", "tutorial_order_response.json")
validation_error = envelope({"field": "billingId", "tag": "exists"}, "parameter_validation_failed", 400,
                            "billingId 1 is not one of your billing contacts")
token = envelope({"expiresIn": "1800", "refreshToken": "EXAMPLE.REFRESH.TOKEN", "token": "EXAMPLE.ACCESS.TOKEN",
                  "tokenHead": "Bearer "})
order_info = {"id": "4444444444444444444", "orderNo": "EXAMPLE-ORDER-0001", "orderStatus": "pending",
              "currencyCode": "USD", "createTime": 1700000000000, "customReferenceNo": "", "invoiceNo": ""}
page = envelope({"count": 1, "pageNo": 1, "pageSize": 25, "total": 1, "totalPage": 1, "results": [order_info]})
proxy_page = "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>"

seed("envelope", "tutorial_receipt", reply(tutorial_receipt))
seed("envelope", "validation_error", reply(validation_error, 400))
seed("envelope", "unauthorized", reply(envelope(None, "unauthorized", 401, "token expired"), 401))
seed("envelope", "gateway_json", reply({"code": 504, "message": "Gateway Timeout"}, 504))
seed("envelope", "proxy_page", reply(proxy_page, 502))
seed("envelope", "success_on_500", reply(envelope(None), 500))
seed("envelope", "empty", reply("", 204))
seed("envelope", "page", reply(page))

seed("token", "doc_example", reply(token))
seed("token", "invalid_client", reply(envelope({}, "invalid_client", 401, "The Client ID or Client Secret is wrong"), 401))
seed("token", "no_head", reply(envelope({"expiresIn": "60", "token": "t"})))

users = load("tests", "fixtures", "partner_list.json")
sandbox_users = load("tools", "sandbox", "fixtures", "users.json")
seed("users", "fixture", reply(envelope(users)))
seed("users", "sandbox", reply(envelope(sandbox_users[:3])))
seed("users", "paged", reply(envelope({"pageNo": 1, "results": users[:1] + [{"partnerId": 3076915454468767744},
                                                                           {"company": "no id"}, 7]})))

seed("plans", "flat", reply(envelope(load("tests", "fixtures", "plans_flat_lists.json"))))
seed("plans", "nested", reply(envelope(load("tests", "fixtures", "plans_nested_details.json"))))
seed("plans", "sandbox", reply(envelope(load("tools", "sandbox", "fixtures", "purchase_product_info.json")["15"])))

seed("contacts", "fixture", reply(envelope(load("tests", "fixtures", "billing_contacts.json"))))
seed("contacts", "sandbox", reply(envelope(load("tools", "sandbox", "fixtures", "billing_contacts.json"))))
seed("contacts", "odd_ids", reply(envelope([{"billingContactId": 18446744073709551615}, {"billingContactId": "-1"},
                                            {"billingContactId": 1.5}, {"billingContactId": None}])))

seed("order_receipt", "tutorial", reply(tutorial_receipt))
seed("order_receipt", "refused", reply(validation_error, 400))
seed("order_receipt", "unprocessable", reply(envelope(None, "plan_not_renewable", 422), 422))
seed("order_receipt", "gateway", reply(proxy_page, 502))
seed("order_receipt", "error_on_200", reply(envelope(None, "internal_error", 500), 200))
seed("order_receipt", "numbers", reply(envelope({"orderId": 1780042, "orderNo": "MK1", "orderStatus": "pending"})))

seed("order_page", "doc_example", reply(page))
seed("order_page", "seconds_two_pages",
     reply(envelope({"count": 30, "pageNo": 1, "pageSize": 25, "total": 30, "totalPage": 2, "results": [
         dict(order_info, orderNo="MK2", createTime=1700000100, customReferenceNo="PO-7"),
         dict(order_info, orderNo="MK1", createTime=1699990000)]})))
seed("order_page", "oldest_first", reply(envelope({"totalPage": 3, "results": [
    dict(order_info, orderNo="KNOWN-1", createTime=1700000000001), dict(order_info, orderNo="MK9", createTime=1700000000002)]})))
seed("order_page", "bare_list", reply(envelope([order_info])))

details = {
    "basicInformation": {"productId": "15", "productName": "Remote Management", "productNo": "3076913644890832896",
                         "planId": "3049036224189325312", "planName": "Remote Management Account", "partnerId": ""},
    "billingInformation": load("tools", "sandbox", "fixtures", "billing_contacts.json")[0],
    "orderInformation": dict(order_info, orderStatus="succeed"),
    "orderSummary": {"currencyCode": "USD", "subtotal": "99.00", "discount": "0.00", "tax": "0.00", "total": "99.00",
                     "transactionNo": "IH3400814132429889537"},
}
seed("order_details", "sandbox_shape", reply(envelope(details)))
seed("order_details", "not_found", reply(envelope({}, "not_found", 404, "No order has the id 1"), 404))

for name, value in [("plan_id", "3049036224189325312"), ("max", "18446744073709551615"),
                    ("overflow", "18446744073709551616"), ("string", '"3197218168379846218"'), ("typed", " 42 \t"),
                    ("negative", "-1"), ("exponent", "1e3"), ("array", "[1]"), ("leading_zeros", "000000000000000000001")]:
    seed("ids", name, value)

seed("settings", "full", text({"baseUrl": "https://openapi.partner.yeastar.com", "clientId": "demo-client-id",
                               "window": {"width": 1280, "height": 800}}, 2) + "\n")
seed("settings", "wrong_types", text({"baseUrl": 7, "clientId": None, "window": {"width": -1, "height": "800"},
                                      "clientSecret": "must be dropped"}))
seed("settings", "not_object", "[]")

journal = {"version": 1, "sentAtMs": 1700000123456, "baseUrl": "https://renewdesk.intranet.example",
           "clientId": "demo-client-id", "target": "9007199254740993", "targetName": "杭州云联通信有限公司",
           "planId": "3049036224189325312", "billingId": "18446744073709551615", "poNumber": "PO-4711"}
seed("journal", "entry", text(journal))
seed("journal", "myself", text(dict(journal, baseUrl="", target="", targetName="", poNumber="")))
seed("journal", "version_2", text(dict(journal, version=2)))

order_body = load("tests", "fixtures", "tutorial_order_body.json")
seed("sandbox_order_body", "tutorial", text(order_body, 2))
seed("sandbox_order_body", "subordinate_po",
     text(dict(order_body, partnerId=sandbox_users[0]["partnerId"], poNumber="PO-4711")))
seed("sandbox_order_body", "assign_id_string_ids",
     text(dict(order_body, assignId=sandbox_users[1]["partnerId"], billingId="3197218168379846218")))
seed("sandbox_order_body", "float_id", '{"operationType":"renew_plan","productId":15,"billingId":3.197218168379846e18}')

urlencoded = "application/x-www-form-urlencoded"
seed("sandbox_form_body", "credentials", f"{urlencoded}\ngrant_type=pp_credentials&client_id=demo-client-id&client_secret=demo-client-secret")
seed("sandbox_form_body", "encoded", f"{urlencoded}; charset=UTF-8\nclient_id=demo%2Dclient%2did&grant_type=pp_credentials&client_secret=demo-client+secret&&=x")
seed("sandbox_form_body", "refresh", f"{urlencoded}\ngrant_type=refresh_token&refresh_token=EXAMPLE.REFRESH.TOKEN")
seed("sandbox_form_body", "multipart", "multipart/form-data; boundary=X\ngrant_type=pp_credentials\nclient_id=demo-client-id\nclient_secret=demo-client-secret")
seed("sandbox_form_body", "json", 'application/json\n{"grant_type":"pp_credentials"}')


# renewal_flow: FuzzedDataProvider input. Integers are read from the end (big-endian per value, the
# first value last in the file), strings from the front ("\\" escapes a backslash, "\\" + another
# character ends the string). Step and reply numbers mirror renewal_flow_fuzz.cpp.
class Flow:
    STEPS = ["sign_in", "sign_out", "retry_lookup", "choose_myself", "choose_subordinate", "choose_plan",
             "type_plan_id", "choose_contact", "type_billing_id", "review", "set_po_number", "back", "confirm",
             "double_confirm", "reconcile", "forget_journal", "renew_another", "answer", "answer_later", "poll",
             "tick", "advance_clock", "restart"]
    REPLIES = ["good", "api_error", "dropped", "garbage", "truncated", "proxy_page", "headers_only"]
    STATUSES = [200, 201, 204, 400, 401, 403, 404, 405, 408, 409, 422, 429, 500, 502, 503, 504, 301, 302, 307]
    CODES = ["parameter_validation_failed", "unauthorized", "token_expired", "insufficient_balance", "504", "success",
             "", "internal_error"]

    def __init__(self):
        self.front = bytearray()
        self.back = bytearray()  # in consumption order

    def integer(self, value, low, high):
        span, offset, digits = high - low, 0, []
        while offset < 64 and (span >> offset) > 0:
            digits.append(offset)
            offset += 8
        value -= low
        for shift in reversed(digits):  # the first byte read is the most significant
            self.back.append((value >> shift) & 0xFF)

    def string(self, value):
        self.front += value.encode("utf-8").replace(b"\\", b"\\\\") + b"\\E"

    def step(self, name, *args):
        self.integer(self.STEPS.index(name), 0, len(self.STEPS) - 1)
        for kind, value, low, high in args:
            if kind == "int":
                self.integer(value, low, high)
            else:
                self.string(value)
        return self

    def answer(self, pending, index, reply, *extra, later=False):
        self.step("answer_later" if later else "answer")
        self.integer(index, 0, pending - 1)
        self.integer(self.REPLIES.index(reply), 0, len(self.REPLIES) - 1)
        for value, low, high in extra:
            self.integer(value, low, high)
        return self

    def data(self):
        return bytes(self.front) + bytes(reversed(self.back))


def signed_in_and_loaded(two_contacts=False):
    f = Flow()
    f.step("sign_in", ("int", 0, 0, 3))
    f.answer(1, 0, "good", (0, 0, 3))                  # token, expiresIn 1800
    f.answer(3, 0, "good")                             # users
    f.answer(2, 0, "good")                             # plans (preselects Remote Management Account)
    f.answer(1, 0, "good", (int(two_contacts), 0, 255))  # contacts (one: preselected)
    return f


def reviewed(po=None):
    f = signed_in_and_loaded()
    f.step("choose_myself").step("review")
    if po is not None:
        f.step("set_po_number", ("str", po, 0, 0))
    return f


good_page = [(1, 0, 3), (0, 0, 255), (3, 0, 5), (0, 0, 4), (1, 0, 255), (1, 1, 3)]  # one order at the attempt, with PO

seed("renewal_flow", "placed", reviewed("PO-1").step("double_confirm").answer(1, 0, "good", (1, 0, 255))
     .step("renew_another").data())
seed("renewal_flow", "refused", reviewed().step("confirm")
     .answer(1, 0, "api_error", (Flow.STATUSES.index(400), 0, len(Flow.STATUSES) - 1), (0, 0, 7)).step("back").step("review").data())
seed("renewal_flow", "timeout_found", reviewed("PO-1").step("confirm").answer(1, 0, "dropped", (1, 0, 2))
     .answer(1, 0, "good", *good_page).step("renew_another").data())
seed("renewal_flow", "gateway_restart", reviewed().step("confirm").answer(1, 0, "proxy_page", (Flow.STATUSES.index(502), 0, len(Flow.STATUSES) - 1))
     .step("restart").step("sign_in", ("int", 0, 0, 3)).answer(1, 0, "good", (0, 0, 3)).answer(1, 0, "good", *good_page).data())
empty_page = [(0, 0, 3), (0, 0, 255), (1, 1, 3)]
seed("renewal_flow", "none_after_settle", reviewed().step("confirm").answer(1, 0, "dropped", (2, 0, 2))
     .answer(1, 0, "good", *empty_page).step("advance_clock", ("int", 4, 0, 7)).step("tick")
     .answer(1, 0, "good", *empty_page).step("renew_another").data())
seed("renewal_flow", "redirected_order", reviewed().step("confirm")
     .answer(1, 0, "headers_only", (Flow.STATUSES.index(302), 0, len(Flow.STATUSES) - 1), (0, 0, 2))
     .answer(1, 0, "good", *empty_page).data())
seed("renewal_flow", "refresh_before_order", reviewed().step("advance_clock", ("int", 5, 0, 7)).step("confirm")
     .answer(1, 0, "good", (0, 0, 3)).answer(1, 0, "good", (0, 0, 255)).data())
seed("renewal_flow", "subordinate_typed_ids", signed_in_and_loaded(True).step("choose_subordinate", ("int", 1, 0, 3))
     .step("type_plan_id", ("str", " 3049036224189325312 ", 0, 0)).step("type_billing_id", ("str", "3197218168379846219", 0, 0))
     .step("review").step("confirm").answer(1, 0, "dropped", (0, 0, 2), later=True).step("sign_out").step("poll").data())

for target, files in seeds.items():
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):  # regression_* inputs of fixed findings are kept
        if not old.startswith("regression_"):
            os.remove(os.path.join(folder, old))
    for name, data in files.items():
        with open(os.path.join(OUT, target, name), "wb") as f:
            f.write(data)
print(f"{sum(len(f) for f in seeds.values())} seeds for {len(seeds)} targets in {os.path.relpath(OUT, TOP)}")
