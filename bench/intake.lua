-- wrk script for bench/intake: every connection submits one public report after another.
-- The report is fictional and carries the fields a real one would (names, IIN, narrative),
-- so every field the server encrypts is encrypted in the benchmark too.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"reporter":{"type":"witness","name":"Бенчмарк"},
"incident":{"types":["physical_assault","psychological_abuse"],"date":"2026-11-20",
"region":"750000000","locality":"Алматы, Бостандық ауданы","place_type":"home",
"description":"Көршілер айқай мен соққы дыбыстарын естіді. Neighbours heard shouting and blows."},
"victim":{"full_name":"Айгүл Сәрсенқызы","sex":"female","age_group":"26_40"},
"aggressor":{"full_name":"Серік Қайратұлы","sex":"male","age_group":"26_40","relationship":"spouse"},
"children_present":true,"immediate_danger":false,
"contact":{"ways":["sms"],"times":["evening"],"phone":"+7 700 000 00 00","language":"kk"},
"consent":["contact_me","share_with_police"]}]]

local failures = 0
response = function(status, headers, body)
  if status ~= 201 then failures = failures + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("wrk: requests=%d non201=%d p99_us=%d\n", summary.requests,
    summary.errors.status, latency:percentile(99)))
end
