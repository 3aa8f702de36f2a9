//! Long-term DICOM archive on Amazon S3.
//!
//! Every instance is written to the primary bucket in Frankfurt and copied to a disaster-recovery
//! bucket in a second region. Both buckets enforce SSE-KMS (bucket policy denies unencrypted PUTs),
//! hence `encrypted = true`. Requests go through pre-signed URLs issued by the archive gateway.

use crate::models::DicomInstance;

const PRIMARY_BUCKET: &str = "https://jivex-archive.s3.eu-central-1.amazonaws.com";

#[cfg(not(feature = "compliant"))]
const REPLICA_BUCKET: &str = "https://jivex-archive-dr.s3.us-east-1.amazonaws.com";
#[cfg(feature = "compliant")]
const REPLICA_BUCKET: &str = "https://jivex-archive-dr.s3.eu-west-1.amazonaws.com";

#[derive(Debug)]
pub struct ArchiveError(pub String);

impl From<reqwest::Error> for ArchiveError {
    fn from(e: reqwest::Error) -> Self {
        ArchiveError(e.without_url().to_string())
    }
}

#[derive(Clone)]
pub struct DicomArchive {
    http: reqwest::Client,
    signing_token: String,
}

impl DicomArchive {
    pub fn new(http: reqwest::Client, signing_token: String) -> Self {
        Self {
            http,
            signing_token,
        }
    }

    fn object_key(tenant: &str, instance: &DicomInstance) -> String {
        format!(
            "{tenant}/{}/{}.dcm",
            instance.study_instance_uid, instance.sop_instance_uid
        )
    }

    /// Archives one instance in the primary bucket and its disaster-recovery copy.
    pub async fn store(&self, tenant: &str, instance: &DicomInstance) -> Result<(), ArchiveError> {
        let key = Self::object_key(tenant, instance);
        self.put_primary(&key, instance.dataset.clone()).await?;
        self.put_replica(&key, instance.dataset.clone()).await?; //~ visus/no-non-eu-transfer
        Ok(())
    }

    /// Deletes every object of a study in both buckets: the archive's deletion of the DICOM
    /// instances it stores (privflow cannot know what an HTTP `DELETE` to this gateway deletes,
    /// so the method says it).
    #[privflow::sink(kind = "storage", op = "delete", stores = "DicomInstance")]
    pub async fn delete_study(
        &self,
        tenant: &str,
        study_instance_uid: &str,
    ) -> Result<(), ArchiveError> {
        for bucket in [PRIMARY_BUCKET, REPLICA_BUCKET] {
            self.http
                .delete(format!("{bucket}/{tenant}/{study_instance_uid}/"))
                .bearer_auth(&self.signing_token)
                .send()
                .await?
                .error_for_status()?;
        }
        Ok(())
    }

    #[privflow::sink(kind = "storage", region = "eu-central-1", encrypted = true)]
    async fn put_primary(&self, key: &str, body: Vec<u8>) -> Result<(), ArchiveError> {
        self.put(PRIMARY_BUCKET, key, body).await
    }

    /// Disaster-recovery copy. Careless version: the DR bucket was created in the ops team's
    /// default region, N. Virginia.
    #[cfg(not(feature = "compliant"))]
    #[privflow::sink(kind = "storage", region = "us-east-1", encrypted = true)]
    async fn put_replica(&self, key: &str, body: Vec<u8>) -> Result<(), ArchiveError> {
        self.put(REPLICA_BUCKET, key, body).await
    }

    /// Disaster-recovery copy in Ireland: a second EU region, so nothing leaves the EU.
    #[cfg(feature = "compliant")]
    #[privflow::sink(kind = "storage", region = "eu-west-1", encrypted = true)]
    async fn put_replica(&self, key: &str, body: Vec<u8>) -> Result<(), ArchiveError> {
        self.put(REPLICA_BUCKET, key, body).await
    }

    async fn put(&self, bucket: &str, key: &str, body: Vec<u8>) -> Result<(), ArchiveError> {
        self.http
            .put(format!("{bucket}/{key}"))
            .bearer_auth(&self.signing_token)
            .header("x-amz-server-side-encryption", "aws:kms")
            .header("content-type", "application/dicom")
            .body(body)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
