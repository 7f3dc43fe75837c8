<?xml version="1.0"?>
<!-- shmem-ivshmem-legacy: ivshmem-plain (or ivshmem-doorbell when the shmem
     has a <server>) instead of the legacy model.  A missing <model> is added
     first in <shmem>, where libvirt writes it.
     Parameters: targets, the vl:id of each <model> (or <shmem> without one). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template name="type">
    <xsl:param name="shmem"/>
    <xsl:choose>
      <xsl:when test="$shmem/server">ivshmem-doorbell</xsl:when>
      <xsl:otherwise>ivshmem-plain</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/domain/devices/shmem">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="contains($targets, concat(' ', @vl:id, ' ')) and not(model)">
        <model>
          <xsl:attribute name="type">
            <xsl:call-template name="type">
              <xsl:with-param name="shmem" select="."/>
            </xsl:call-template>
          </xsl:attribute>
        </model>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/devices/shmem/model">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="contains($targets, concat(' ', @vl:id, ' '))">
        <xsl:attribute name="type">
          <xsl:call-template name="type">
            <xsl:with-param name="shmem" select=".."/>
          </xsl:call-template>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
