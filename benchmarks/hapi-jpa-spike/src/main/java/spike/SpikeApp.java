package spike;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import org.hl7.fhir.r4.model.*;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.*;

@SpringBootApplication
public class SpikeApp {
	static final String OID = "urn:oid:2.16.578.1.12.4.1.4.1";
	static final int PATIENTS = 500;

	public static void main(String[] args) {
		long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
		long t0 = System.currentTimeMillis();
		SpringApplication app = new SpringApplication(SpikeApp.class);
		org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup startup = null;
		if (Boolean.getBoolean("spike.profile")) {
			startup = new org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup(200000);
			app.setApplicationStartup(startup);
		}
		ConfigurableApplicationContext ctx = app.run(args);
		if (startup != null) {
			List<org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent> ev =
					new ArrayList<>(startup.getBufferedTimeline().getEvents());
			ev.sort((a, b) -> b.getDuration().compareTo(a.getDuration()));
			for (int i = 0; i < Math.min(40, ev.size()); i++) {
				var e = ev.get(i);
				StringBuilder tags = new StringBuilder();
				e.getStartupStep().getTags().forEach(t -> tags.append(t.getKey()).append('=').append(t.getValue()).append(' '));
				System.out.printf("STEP %6d ms %s %s%n", e.getDuration().toMillis(), e.getStartupStep().getName(), tags);
			}
		}
		long t1 = System.currentTimeMillis();
		System.out.printf("RESULT context_ready_ms_since_jvm_start=%d springapplication_run_ms=%d beans=%d main_thread_cpu_ms=%d%n",
				t1 - jvmStart, t1 - t0, ctx.getBeanDefinitionCount(),
				ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
		String mode = args.length > 0 ? args[0] : "boot";
		try {
			if (mode.equals("load") || mode.equals("all")) load(ctx, args.length > 1 ? Integer.parseInt(args[1]) : 10000);
			if (mode.equals("search") || mode.equals("all")) search(ctx, args.length > 2 ? Integer.parseInt(args[2]) : 200);
		} finally {
			mem();
			ctx.close();
		}
		System.exit(0);
	}

	static String pid(int i) { return String.format("%011d", 10000000000L + i); }

	@SuppressWarnings("unchecked")
	static void load(ConfigurableApplicationContext ctx, int docs) {
		DaoRegistry reg = ctx.getBean(DaoRegistry.class);
		IFhirResourceDao<Patient> patDao = reg.getResourceDao(Patient.class);
		IFhirResourceDao<Organization> orgDao = reg.getResourceDao(Organization.class);
		IFhirResourceDao<DocumentReference> docDao = reg.getResourceDao(DocumentReference.class);
		TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
		SystemRequestDetails rd = new SystemRequestDetails();

		long p0 = System.nanoTime();
		Organization org = new Organization();
		org.setName("Spike HF");
		org.addIdentifier().setSystem("urn:oid:2.16.578.1.12.4.1.2").setValue("123456789");
		String orgId = tx.execute(s -> orgDao.create(org, rd).getId().toUnqualifiedVersionless().getValue());
		List<String> patIds = new ArrayList<>();
		for (int b = 0; b < PATIENTS; b += 100) {
			final int start = b;
			patIds.addAll(tx.execute(s -> {
				List<String> ids = new ArrayList<>();
				for (int i = start; i < Math.min(start + 100, PATIENTS); i++) {
					Patient p = new Patient();
					p.addIdentifier().setSystem(OID).setValue(pid(i));
					p.addName().setFamily("Family" + i).addGiven("Given");
					p.setGender(i % 2 == 0 ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.MALE);
					ids.add(patDao.create(p, rd).getId().toUnqualifiedVersionless().getValue());
				}
				return ids;
			}));
		}
		long p1 = System.nanoTime();
		System.out.printf("RESULT patients_created=%d ms=%d%n", patIds.size(), (p1 - p0) / 1_000_000);

		long d0 = System.nanoTime();
		int batch = 100;
		long lastReport = d0;
		for (int b = 0; b < docs; b += batch) {
			final int start = b;
			tx.executeWithoutResult(s -> {
				for (int i = start; i < Math.min(start + batch, docs); i++) {
					DocumentReference d = new DocumentReference();
					d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
					d.getType().addCoding().setSystem("http://loinc.org").setCode("11488-4").setDisplay("Consult note");
					d.addCategory().addCoding().setSystem("urn:oid:2.16.578.1.12.4.1.1.9602").setCode("J01-2").setDisplay("Referrals");
					d.setSubject(new Reference(patIds.get(i % PATIENTS)));
					d.setDate(new Date(1700000000000L + i * 60_000L));
					d.addAuthor(new Reference(orgId));
					d.addContent().getAttachment().setContentType("application/pdf")
							.setUrl("https://docs.example.org/binary/" + UUID.randomUUID());
					docDao.create(d, rd);
				}
			});
			if ((b + batch) % 2000 == 0) {
				long now = System.nanoTime();
				System.out.printf("progress docs=%d last2000_ms=%d%n", b + batch, (now - lastReport) / 1_000_000);
				lastReport = now;
			}
		}
		long d1 = System.nanoTime();
		double sec = (d1 - d0) / 1e9;
		System.out.printf("RESULT docrefs_created=%d seconds=%.2f rate_per_s=%.1f (batch=%d per tx)%n", docs, sec, docs / sec, batch);
	}

	@SuppressWarnings("unchecked")
	static void search(ConfigurableApplicationContext ctx, int n) {
		DaoRegistry reg = ctx.getBean(DaoRegistry.class);
		IFhirResourceDao<DocumentReference> docDao = reg.getResourceDao(DocumentReference.class);
		Random rnd = new Random(42);
		for (String variant : new String[]{"sync", "paged"}) {
			// warmup 20 queries (not counted)
			for (int i = 0; i < 20; i++) runOne(docDao, pid(rnd.nextInt(PATIENTS)), variant);
			long[] lat = new long[n];
			int totalHits = 0;
			for (int i = 0; i < n; i++) {
				String v = pid(rnd.nextInt(PATIENTS));
				long s = System.nanoTime();
				totalHits += runOne(docDao, v, variant);
				lat[i] = System.nanoTime() - s;
			}
			Arrays.sort(lat);
			System.out.printf("RESULT search[%s] n=%d avg_hits=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
					variant, n, totalHits / (double) n, lat[n / 2] / 1e6, lat[(int) (n * 0.9)] / 1e6,
					lat[(int) Math.ceil(n * 0.99) - 1] / 1e6, lat[n - 1] / 1e6);
		}
	}

	static int runOne(IFhirResourceDao<DocumentReference> dao, String value, String variant) {
		SearchParameterMap map = new SearchParameterMap();
		map.add(DocumentReference.SP_PATIENT, new ReferenceParam("identifier", OID + "|" + value));
		SystemRequestDetails rd = new SystemRequestDetails();
		if (variant.equals("sync")) {
			map.setLoadSynchronous(true);
			IBundleProvider r = dao.search(map, rd);
			return r.getResources(0, 1000).size();
		} else {
			// goes through SearchCoordinatorSvc like a REST call would; fetch first page of 20
			IBundleProvider r = dao.search(map, rd);
			return r.getResources(0, 20).size();
		}
	}

	static void mem() {
		System.gc();
		Runtime rt = Runtime.getRuntime();
		long peakHeap = 0;
		for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
			if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) peakHeap += p.getPeakUsage().getUsed();
		System.out.printf("RESULT heap_used_after_gc_mb=%d heap_committed_mb=%d max_heap_mb=%d sum_pool_peaks_mb=%d%n",
				(rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20, rt.maxMemory() >> 20, peakHeap >> 20);
	}
}
